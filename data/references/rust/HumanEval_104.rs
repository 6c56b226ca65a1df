fn unique_digits(x: Vec<i64>) -> Vec<i64> {
    let mut result: Vec<i64> = x
        .into_iter()
        .filter(|n| {
            n.to_string()
                .chars()
                .all(|c| matches!(c, '1' | '3' | '5' | '7' | '9'))
        })
        .collect();
    result.sort();
    result
}
