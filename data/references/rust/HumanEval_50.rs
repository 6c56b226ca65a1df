fn decode_shift(s: String) -> String {
    let mut result = String::new();
    let a = 'a' as i64;
    for ch in s.chars() {
        let shifted = (ch as i64 - 5 - a).rem_euclid(26) + a;
        result.push(std::char::from_u32(shifted as u32).unwrap());
    }
    result
}
