fn longest_rise(nums: Vec<i64>) -> (i64, i64) {
    if nums.is_empty() {
        return (0, 0);
    }
    let mut best_start: usize = 0;
    let mut best_len: usize = 1;
    let mut start: usize = 0;
    for i in 1..nums.len() {
        if nums[i] <= nums[i - 1] {
            start = i;
        }
        if i - start + 1 > best_len {
            best_len = i - start + 1;
            best_start = start;
        }
    }
    (best_start as i64, best_len as i64)
}
