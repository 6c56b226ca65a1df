fn remove_vowels(text: String) -> String {
    let vowels = ["a", "e", "i", "o", "u"];
    let mut result = String::new();
    for c in text.chars() {
        let lower: String = c.to_lowercase().collect();
        if !vowels.contains(&lower.as_str()) {
            result.push(c);
        }
    }
    result
}
