fn factorize(n: i64) -> Vec<i64> {
    let mut n = n;
    let mut fact: Vec<i64> = Vec::new();
    let mut i: i64 = 2;
    while i <= ((n as f64).sqrt() + 1.0) as i64 {
        if n % i == 0 {
            fact.push(i);
            n /= i;
        } else {
            i += 1;
        }
    }
    if n > 1 {
        fact.push(n);
    }
    fact
}
