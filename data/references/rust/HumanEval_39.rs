fn is_prime(p: i64) -> bool {
    if p < 2 {
        return false;
    }
    let limit = ((p as f64).sqrt() as i64 + 1).min(p - 1);
    let mut k: i64 = 2;
    while k < limit {
        if p % k == 0 {
            return false;
        }
        k += 1;
    }
    true
}

fn prime_fib(n: i64) -> i64 {
    let mut n = n;
    let mut a: i64 = 0;
    let mut b: i64 = 1;
    loop {
        let next = a + b;
        a = b;
        b = next;
        if is_prime(b) {
            n -= 1;
        }
        if n == 0 {
            return b;
        }
    }
}
