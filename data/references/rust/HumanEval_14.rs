fn all_prefixes(string: String) -> Vec<String> {
    let chars: Vec<char> = string.chars().collect();
    let mut result: Vec<String> = Vec::new();
    for i in 0..chars.len() {
        let prefix: String = chars[..i + 1].iter().collect();
        result.push(prefix);
    }
    result
}
