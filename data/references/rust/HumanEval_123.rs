fn get_odd_collatz(n: i64) -> Vec<i64> {
    let mut n = n;
    let mut odd_collatz = Vec::new();
    if n.rem_euclid(2) == 1 {
        odd_collatz.push(n);
    }
    while n > 1 {
        if n % 2 == 0 {
            n /= 2;
        } else {
            n = n * 3 + 1;
        }
        if n % 2 == 1 {
            odd_collatz.push(n);
        }
    }
    odd_collatz.sort();
    odd_collatz
}
