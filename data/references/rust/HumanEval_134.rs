fn check_if_last_char_is_a_letter(txt: String) -> bool {
    let last = txt.split(' ').last().unwrap_or("");
    let chars: Vec<char> = last.chars().collect();
    if chars.len() != 1 {
        return false;
    }
    let lower: Vec<char> = chars[0].to_lowercase().collect();
    lower.len() == 1 && lower[0].is_ascii_lowercase()
}
