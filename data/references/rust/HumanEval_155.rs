fn even_odd_count(num: i64) -> (i64, i64) {
    let mut even_count = 0;
    let mut odd_count = 0;
    for c in num.unsigned_abs().to_string().chars() {
        let d = c.to_digit(10).unwrap();
        if d % 2 == 0 {
            even_count += 1;
        } else {
            odd_count += 1;
        }
    }
    (even_count, odd_count)
}
