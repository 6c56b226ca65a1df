fn is_prime(n: i64) -> bool {
    if n < 2 {
        return false;
    }
    let mut k: i64 = 2;
    while k < n - 1 {
        if n % k == 0 {
            return false;
        }
        k += 1;
    }
    true
}
