fn sum_squares(lst: Vec<i64>) -> i64 {
    let mut total = 0;
    for (i, &x) in lst.iter().enumerate() {
        if i % 3 == 0 {
            total += x * x;
        } else if i % 4 == 0 {
            total += x * x * x;
        } else {
            total += x;
        }
    }
    total
}
