use std::collections::HashMap;

fn histogram(test: String) -> HashMap<String, i64> {
    let words: Vec<&str> = test.split(' ').collect();
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for w in &words {
        *counts.entry(w).or_insert(0) += 1;
    }

    let mut most = 0;
    for w in &words {
        if !w.is_empty() && counts[w] > most {
            most = counts[w];
        }
    }

    let mut result: HashMap<String, i64> = HashMap::new();
    if most > 0 {
        // Like the Python, an empty word (from doubled spaces) is kept when its count ties.
        for w in &words {
            if counts[w] == most {
                result.insert(w.to_string(), most);
            }
        }
    }
    result
}
