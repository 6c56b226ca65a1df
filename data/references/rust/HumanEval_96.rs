fn count_up_to(n: i64) -> Vec<i64> {
    let mut primes: Vec<i64> = Vec::new();
    for i in 2..n {
        if primes.iter().take_while(|&&p| p * p <= i).all(|&p| i % p != 0) {
            primes.push(i);
        }
    }
    primes
}
