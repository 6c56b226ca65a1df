fn encrypt(s: String) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_lowercase() {
            let shifted = (c as u8 - b'a' + 4) % 26 + b'a';
            out.push(shifted as char);
        } else {
            out.push(c);
        }
    }
    out
}
