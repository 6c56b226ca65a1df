fn run_length(nums: Vec<i64>) -> Vec<(i64, i64)> {
    let mut result: Vec<(i64, i64)> = Vec::new();
    let mut i: usize = 0;
    while i < nums.len() {
        let mut j = i;
        while j < nums.len() && nums[j] == nums[i] {
            j += 1;
        }
        result.push((nums[i], (j - i) as i64));
        i = j;
    }
    result
}
