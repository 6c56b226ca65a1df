use std::collections::HashMap;

fn is_sorted(lst: Vec<i64>) -> bool {
    let mut counts: HashMap<i64, i64> = HashMap::new();
    for &x in &lst {
        *counts.entry(x).or_insert(0) += 1;
    }
    if counts.values().any(|&c| c > 2) {
        return false;
    }
    for i in 1..lst.len() {
        if lst[i - 1] > lst[i] {
            return false;
        }
    }
    true
}
