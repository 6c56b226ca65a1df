fn special_filter(nums: Vec<i64>) -> i64 {
    let mut count = 0;
    for &num in &nums {
        if num > 10 {
            let text = num.to_string();
            let first = text.chars().next().unwrap().to_digit(10).unwrap();
            let last = text.chars().last().unwrap().to_digit(10).unwrap();
            if first % 2 == 1 && last % 2 == 1 {
                count += 1;
            }
        }
    }
    count
}
