fn sum_squares(lst: Vec<f64>) -> i64 {
    let mut squared = 0;
    for x in &lst {
        let c = x.ceil() as i64;
        squared += c * c;
    }
    squared
}
