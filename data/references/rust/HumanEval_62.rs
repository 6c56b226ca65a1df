fn derivative(xs: Vec<i64>) -> Vec<i64> {
    let mut result = Vec::new();
    for (i, x) in xs.iter().enumerate().skip(1) {
        result.push(i as i64 * x);
    }
    result
}
