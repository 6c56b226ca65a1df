fn max_element(l: Vec<i64>) -> i64 {
    let mut m = l[0];
    for e in l {
        if e > m {
            m = e;
        }
    }
    m
}
