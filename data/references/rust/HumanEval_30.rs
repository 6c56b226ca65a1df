fn get_positive(l: Vec<i64>) -> Vec<i64> {
    let mut result: Vec<i64> = Vec::new();
    for e in l {
        if e > 0 {
            result.push(e);
        }
    }
    result
}
