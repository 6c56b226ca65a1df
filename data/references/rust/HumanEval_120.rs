fn maximum(arr: Vec<i64>, k: i64) -> Vec<i64> {
    if k == 0 {
        return Vec::new();
    }
    let mut sorted = arr.clone();
    sorted.sort();
    // Python's arr[-k:], including its clamping when k is out of range.
    let n = sorted.len() as i64;
    let mut start = -k;
    if start < 0 {
        start = (start + n).max(0);
    }
    let start = start.min(n) as usize;
    sorted[start..].to_vec()
}
