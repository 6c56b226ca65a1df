fn mean_absolute_deviation(numbers: Vec<f64>) -> f64 {
    let n = numbers.len() as f64;
    let mut total = 0.0;
    for x in &numbers {
        total += *x;
    }
    let mean = total / n;
    let mut deviation = 0.0;
    for x in &numbers {
        deviation += (*x - mean).abs();
    }
    deviation / n
}
