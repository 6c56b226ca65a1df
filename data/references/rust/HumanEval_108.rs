fn digits_sum(n: i64) -> i64 {
    let digits: Vec<i64> = n
        .unsigned_abs()
        .to_string()
        .chars()
        .map(|c| c.to_digit(10).unwrap() as i64)
        .collect();
    let mut total: i64 = digits.iter().sum();
    if n < 0 {
        // The first digit carries the sign.
        total -= 2 * digits[0];
    }
    total
}

fn count_nums(arr: Vec<i64>) -> i64 {
    arr.into_iter().filter(|&n| digits_sum(n) > 0).count() as i64
}
