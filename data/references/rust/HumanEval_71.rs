fn triangle_area(a: i64, b: i64, c: i64) -> f64 {
    if a + b <= c || a + c <= b || b + c <= a {
        return -1.0;
    }
    let (a, b, c) = (a as f64, b as f64, c as f64);
    let s = (a + b + c) / 2.0;
    let area = (s * (s - a) * (s - b) * (s - c)).powf(0.5);
    // Formatting rounds the exact binary value, as Python's round(x, 2) does.
    format!("{:.2}", area).parse().unwrap()
}
