fn is_happy(s: String) -> bool {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() < 3 {
        return false;
    }
    for w in chars.windows(3) {
        if w[0] == w[1] || w[1] == w[2] || w[0] == w[2] {
            return false;
        }
    }
    true
}
