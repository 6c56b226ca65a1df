fn largest_smallest_integers(lst: Vec<i64>) -> (Option<i64>, Option<i64>) {
    let largest_negative = lst.iter().copied().filter(|&x| x < 0).max();
    let smallest_positive = lst.iter().copied().filter(|&x| x > 0).min();
    (largest_negative, smallest_positive)
}
