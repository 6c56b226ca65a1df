fn words_string(s: String) -> Vec<String> {
    s.replace(',', " ")
        .split_whitespace()
        .map(|word| word.to_string())
        .collect()
}
