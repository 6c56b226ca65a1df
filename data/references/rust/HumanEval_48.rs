fn is_palindrome(text: String) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    for i in 0..n {
        if chars[i] != chars[n - 1 - i] {
            return false;
        }
    }
    true
}
