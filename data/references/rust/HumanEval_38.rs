fn encode_cyclic(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut result = String::new();
    let mut start = 0;
    while start < chars.len() {
        let end = if start + 3 < chars.len() { start + 3 } else { chars.len() };
        let group = &chars[start..end];
        if group.len() == 3 {
            result.push(group[1]);
            result.push(group[2]);
            result.push(group[0]);
        } else {
            for c in group {
                result.push(*c);
            }
        }
        start += 3;
    }
    result
}

fn decode_cyclic(s: String) -> String {
    encode_cyclic(&encode_cyclic(&s))
}
