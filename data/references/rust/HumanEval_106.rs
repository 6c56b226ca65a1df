fn f(n: i64) -> Vec<i64> {
    let mut result = Vec::new();
    for i in 1..=n {
        if i % 2 == 0 {
            result.push((1..=i).product());
        } else {
            result.push((1..=i).sum());
        }
    }
    result
}
