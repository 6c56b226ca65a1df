fn digit_sum(s: String) -> i64 {
    let mut total: i64 = 0;
    for c in s.chars() {
        if c.is_uppercase() {
            total += c as i64;
        }
    }
    total
}
