fn generate_integers(a: i64, b: i64) -> Vec<i64> {
    let lower = a.min(b).max(2);
    let upper = a.max(b).min(8);
    (lower..=upper).filter(|i| i % 2 == 0).collect()
}
