fn x_or_y(n: i64, x: i64, y: i64) -> i64 {
    if n == 1 {
        return y;
    }
    let mut i = 2;
    while i * i <= n {
        if n % i == 0 {
            return y;
        }
        i += 1;
    }
    x
}
