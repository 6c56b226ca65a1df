use std::collections::HashMap;

fn word_counts(text: String) -> HashMap<String, i64> {
    let mut counts: HashMap<String, i64> = HashMap::new();
    let mut word = String::new();
    for ch in text.chars().chain(" ".chars()) {
        if ch.is_ascii_alphabetic() {
            word.push(ch.to_ascii_lowercase());
        } else {
            if !word.is_empty() {
                *counts.entry(word.clone()).or_insert(0) += 1;
            }
            word.clear();
        }
    }
    counts
}
