fn solve(N: i64) -> String {
    let digit_total: u32 = N.to_string().chars().filter_map(|c| c.to_digit(10)).sum();
    format!("{:b}", digit_total)
}
