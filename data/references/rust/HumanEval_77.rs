fn iscube(a: i64) -> bool {
    let a = a.unsigned_abs() as i128;
    let root = (a as f64).powf(1.0 / 3.0).round_ties_even() as i128;
    root * root * root == a
}
