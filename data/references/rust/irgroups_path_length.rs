fn path_length(xs: Vec<f64>, ys: Vec<f64>) -> f64 {
    let mut total: f64 = 0.0;
    for i in 1..xs.len() {
        let dx = xs[i] - xs[i - 1];
        let dy = ys[i] - ys[i - 1];
        total += (dx * dx + dy * dy).sqrt();
    }
    total
}
