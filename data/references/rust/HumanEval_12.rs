fn longest(strings: Vec<String>) -> Option<String> {
    if strings.is_empty() {
        return None;
    }
    let mut maxlen: usize = 0;
    for s in &strings {
        let len = s.chars().count();
        if len > maxlen {
            maxlen = len;
        }
    }
    for s in strings {
        if s.chars().count() == maxlen {
            return Some(s);
        }
    }
    None
}
