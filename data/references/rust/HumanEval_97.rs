fn multiply(a: i64, b: i64) -> i64 {
    // Python's % is non-negative for a positive divisor.
    a.rem_euclid(10) * b.rem_euclid(10)
}
