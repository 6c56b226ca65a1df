fn solve(s: String) -> String {
    if !s.chars().any(|c| c.is_alphabetic()) {
        return s.chars().rev().collect();
    }
    let mut result = String::new();
    for c in s.chars() {
        if c.is_alphabetic() && c.is_uppercase() {
            result.extend(c.to_lowercase());
        } else if c.is_alphabetic() && c.is_lowercase() {
            result.extend(c.to_uppercase());
        } else {
            result.push(c);
        }
    }
    result
}
