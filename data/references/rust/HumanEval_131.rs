fn digits(n: i64) -> i64 {
    let mut product = 1;
    let mut odd_count = 0;
    for c in n.to_string().chars() {
        if let Some(d) = c.to_digit(10) {
            if d % 2 == 1 {
                product *= d as i64;
                odd_count += 1;
            }
        }
    }
    if odd_count == 0 {
        0
    } else {
        product
    }
}
