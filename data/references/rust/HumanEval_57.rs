fn monotonic(l: Vec<i64>) -> bool {
    let mut increasing = true;
    let mut decreasing = true;
    for pair in l.windows(2) {
        if pair[0] > pair[1] {
            increasing = false;
        }
        if pair[0] < pair[1] {
            decreasing = false;
        }
    }
    increasing || decreasing
}
