fn below_threshold(l: Vec<i64>, t: i64) -> bool {
    for e in l {
        if e >= t {
            return false;
        }
    }
    true
}
