fn string_sequence(n: i64) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut x: i64 = 0;
    while x < n + 1 {
        parts.push(x.to_string());
        x += 1;
    }
    parts.join(" ")
}
