fn filter_by_substring(strings: Vec<String>, substring: String) -> Vec<String> {
    let mut result: Vec<String> = Vec::new();
    for s in strings {
        if s.contains(substring.as_str()) {
            result.push(s);
        }
    }
    result
}
