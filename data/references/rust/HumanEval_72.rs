fn will_it_fly(q: Vec<i64>, w: i64) -> bool {
    let total: i64 = q.iter().sum();
    if total > w {
        return false;
    }
    let n = q.len();
    for i in 0..n / 2 {
        if q[i] != q[n - 1 - i] {
            return false;
        }
    }
    true
}
