use std::collections::HashSet;

fn count_distinct_characters(string: String) -> i64 {
    let mut seen: HashSet<char> = HashSet::new();
    for c in string.to_lowercase().chars() {
        seen.insert(c);
    }
    seen.len() as i64
}
