fn fruit_distribution(s: String, n: i64) -> i64 {
    let mut total: i64 = 0;
    for word in s.split(' ') {
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
            total += word.parse::<i64>().unwrap();
        }
    }
    n - total
}
