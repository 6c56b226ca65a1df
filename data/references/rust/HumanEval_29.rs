fn filter_by_prefix(strings: Vec<String>, prefix: String) -> Vec<String> {
    let mut result: Vec<String> = Vec::new();
    for s in strings {
        if s.starts_with(prefix.as_str()) {
            result.push(s);
        }
    }
    result
}
