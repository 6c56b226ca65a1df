fn digits_sum(n: i64) -> i64 {
    let digits: Vec<i64> = n
        .unsigned_abs()
        .to_string()
        .chars()
        .map(|c| c.to_digit(10).unwrap() as i64)
        .collect();
    let mut total: i64 = digits.iter().sum();
    // For a negative number the first digit counts as negative.
    if n < 0 {
        total -= 2 * digits[0];
    }
    total
}

fn order_by_points(nums: Vec<i64>) -> Vec<i64> {
    let mut result = nums.clone();
    result.sort_by_key(|&x| digits_sum(x));
    result
}
