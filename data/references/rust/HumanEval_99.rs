fn closest_integer(value: String) -> i64 {
    let mut value = value;
    if value.matches('.').count() == 1 {
        while value.ends_with('0') {
            value.pop();
        }
    }
    let num: f64 = value.trim().parse().unwrap();
    if value.ends_with(".5") {
        if num > 0.0 {
            num.ceil() as i64
        } else {
            num.floor() as i64
        }
    } else {
        num.round_ties_even() as i64
    }
}
