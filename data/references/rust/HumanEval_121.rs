fn solution(lst: Vec<i64>) -> i64 {
    let mut total = 0;
    for (idx, &x) in lst.iter().enumerate() {
        if idx % 2 == 0 && x.rem_euclid(2) == 1 {
            total += x;
        }
    }
    total
}
