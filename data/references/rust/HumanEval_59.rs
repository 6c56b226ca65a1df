fn largest_prime_factor(n: i64) -> i64 {
    let mut rest = n;
    let mut largest: i64 = 1;
    let mut d: i64 = 2;
    while d * d <= rest {
        while rest % d == 0 {
            largest = d;
            rest /= d;
        }
        d += 1;
    }
    if rest > 1 && rest > largest {
        largest = rest;
    }
    largest
}
