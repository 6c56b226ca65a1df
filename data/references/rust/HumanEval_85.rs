fn add(lst: Vec<i64>) -> i64 {
    let mut total = 0;
    for i in (1..lst.len()).step_by(2) {
        if lst[i] % 2 == 0 {
            total += lst[i];
        }
    }
    total
}
