fn sum_to_n(n: i64) -> i64 {
    if n < 0 {
        return 0;
    }
    n * (n + 1) / 2
}
