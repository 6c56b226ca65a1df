fn median(l: Vec<i64>) -> f64 {
    let mut sorted = l.clone();
    sorted.sort();
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2] as f64
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0
    }
}
