fn caesar_shift(text: String, shift: i64) -> String {
    let k = shift.rem_euclid(26);
    let mut out = String::new();
    for ch in text.chars() {
        if ch >= 'a' && ch <= 'z' {
            let code = (ch as i64 - 'a' as i64 + k) % 26 + 'a' as i64;
            out.push((code as u8) as char);
        } else if ch >= 'A' && ch <= 'Z' {
            let code = (ch as i64 - 'A' as i64 + k) % 26 + 'A' as i64;
            out.push((code as u8) as char);
        } else {
            out.push(ch);
        }
    }
    out
}
