fn select_words(s: String, n: i64) -> Vec<String> {
    let mut result = Vec::new();
    for word in s.split_whitespace() {
        let consonants = word.chars().filter(|c| !"aeiouAEIOU".contains(*c)).count() as i64;
        if consonants == n {
            result.push(word.to_string());
        }
    }
    result
}
