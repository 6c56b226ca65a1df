fn incr_list(l: Vec<i64>) -> Vec<i64> {
    let mut result: Vec<i64> = Vec::new();
    for e in l {
        result.push(e + 1);
    }
    result
}
