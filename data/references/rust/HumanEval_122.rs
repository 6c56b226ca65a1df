fn add_elements(arr: Vec<i64>, k: i64) -> i64 {
    // Python's arr[:k]
    let n = arr.len() as i64;
    let end = if k < 0 { (n + k).max(0) } else { k.min(n) } as usize;
    let mut total = 0;
    for &elem in &arr[..end] {
        if elem.to_string().len() <= 2 {
            total += elem;
        }
    }
    total
}
