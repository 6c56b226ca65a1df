fn is_simple_power(x: i64, n: i64) -> bool {
    if n == 1 {
        return x == 1;
    }
    let mut power: i64 = 1;
    while power < x {
        match power.checked_mul(n) {
            Some(next) => power = next,
            // Past i64 the power can never come back to x.
            None => return false,
        }
    }
    power == x
}
