use std::collections::HashMap;

fn search(lst: Vec<i64>) -> i64 {
    let mut freq: HashMap<i64, i64> = HashMap::new();
    for &value in &lst {
        *freq.entry(value).or_insert(0) += 1;
    }
    let mut answer = -1;
    for (&value, &count) in &freq {
        if value > 0 && count >= value && value > answer {
            answer = value;
        }
    }
    answer
}
