use std::collections::BTreeSet;

fn common(l1: Vec<i64>, l2: Vec<i64>) -> Vec<i64> {
    let second: BTreeSet<i64> = l2.into_iter().collect();
    let mut result: BTreeSet<i64> = BTreeSet::new();
    for e in l1 {
        if second.contains(&e) {
            result.insert(e);
        }
    }
    result.into_iter().collect()
}
