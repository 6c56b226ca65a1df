fn is_vowel(c: char) -> bool {
    "aeiouAEIOU".contains(c)
}

fn get_closest_vowel(word: String) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return String::new();
    }
    for i in (1..chars.len() - 1).rev() {
        if is_vowel(chars[i]) && !is_vowel(chars[i + 1]) && !is_vowel(chars[i - 1]) {
            return chars[i].to_string();
        }
    }
    String::new()
}
