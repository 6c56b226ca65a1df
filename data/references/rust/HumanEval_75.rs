fn is_prime(n: i64) -> bool {
    if n < 2 {
        return false;
    }
    let mut d = 2;
    while d * d <= n {
        if n % d == 0 {
            return false;
        }
        d += 1;
    }
    true
}

fn is_multiply_prime(a: i64) -> bool {
    let primes: Vec<i64> = (2..=100).filter(|&p| is_prime(p)).collect();
    for &i in &primes {
        for &j in &primes {
            for &k in &primes {
                if i * j * k == a {
                    return true;
                }
            }
        }
    }
    false
}
