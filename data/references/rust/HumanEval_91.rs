fn is_bored(S: String) -> i64 {
    // Mirrors re.split(r'[.?!]\s*', S): each delimiter ends a sentence and the
    // whitespace right after it is dropped.
    let mut sentences: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut skipping_space = false;
    for c in S.chars() {
        if skipping_space && c.is_whitespace() {
            continue;
        }
        skipping_space = false;
        if c == '.' || c == '?' || c == '!' {
            sentences.push(std::mem::take(&mut current));
            skipping_space = true;
        } else {
            current.push(c);
        }
    }
    sentences.push(current);
    sentences.iter().filter(|s| s.starts_with("I ")).count() as i64
}
