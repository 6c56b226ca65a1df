fn largest_divisor(n: i64) -> i64 {
    let mut i = n - 1;
    while i > 0 {
        if n % i == 0 {
            return i;
        }
        i -= 1;
    }
    panic!("no divisor found")
}
