fn is_palindrome(chars: &[char]) -> bool {
    let n = chars.len();
    for i in 0..n {
        if chars[i] != chars[n - 1 - i] {
            return false;
        }
    }
    true
}

fn make_palindrome(string: String) -> String {
    if string.is_empty() {
        return String::new();
    }
    let chars: Vec<char> = string.chars().collect();
    let mut beginning_of_suffix = 0;
    while !is_palindrome(&chars[beginning_of_suffix..]) {
        beginning_of_suffix += 1;
    }
    let mut result = string.clone();
    let mut i = beginning_of_suffix;
    while i > 0 {
        i -= 1;
        result.push(chars[i]);
    }
    result
}
