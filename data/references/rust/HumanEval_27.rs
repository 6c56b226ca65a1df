fn flip_case(string: String) -> String {
    let mut result = String::new();
    for c in string.chars() {
        if c.is_lowercase() {
            result.extend(c.to_uppercase());
        } else if c.is_uppercase() {
            result.extend(c.to_lowercase());
        } else {
            result.push(c);
        }
    }
    result
}
