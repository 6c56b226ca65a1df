fn additive_persistence(n: i64) -> i64 {
    let mut m = n;
    if m < 0 {
        m = -m;
    }
    let mut steps: i64 = 0;
    while m >= 10 {
        let mut total: i64 = 0;
        while m > 0 {
            total += m % 10;
            m /= 10;
        }
        m = total;
        steps += 1;
    }
    steps
}
