use std::collections::BTreeSet;

fn next_smallest(lst: Vec<i64>) -> Option<i64> {
    let unique: BTreeSet<i64> = lst.into_iter().collect();
    unique.into_iter().nth(1)
}
