fn unique(l: Vec<i64>) -> Vec<i64> {
    let mut sorted = l.clone();
    sorted.sort();
    let mut result: Vec<i64> = Vec::new();
    for e in sorted {
        if result.is_empty() || result[result.len() - 1] != e {
            result.push(e);
        }
    }
    result
}
