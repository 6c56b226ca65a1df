fn encode(message: String) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        let swapped: String = if c.is_uppercase() {
            c.to_lowercase().collect()
        } else if c.is_lowercase() {
            c.to_uppercase().collect()
        } else {
            c.to_string()
        };
        for s in swapped.chars() {
            if "aeiouAEIOU".contains(s) {
                out.push((s as u8 + 2) as char);
            } else {
                out.push(s);
            }
        }
    }
    out
}
