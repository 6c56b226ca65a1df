fn smallest_change(arr: Vec<i64>) -> i64 {
    let n = arr.len();
    let mut changes = 0;
    for i in 0..n / 2 {
        if arr[i] != arr[n - 1 - i] {
            changes += 1;
        }
    }
    changes
}
