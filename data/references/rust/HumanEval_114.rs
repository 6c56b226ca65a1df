fn min_sub_array_sum(nums: Vec<i64>) -> i64 {
    let mut max_sum = 0;
    let mut s = 0;
    for &num in &nums {
        s += -num;
        if s < 0 {
            s = 0;
        }
        max_sum = max_sum.max(s);
    }
    if max_sum == 0 {
        max_sum = nums.iter().map(|&x| -x).max().unwrap();
    }
    -max_sum
}
