fn file_name_check(file_name: String) -> String {
    let parts: Vec<&str> = file_name.split('.').collect();
    if parts.len() != 2 {
        return "No".to_string();
    }
    let (name, extension) = (parts[0], parts[1]);
    if !["txt", "exe", "dll"].contains(&extension) {
        return "No".to_string();
    }
    match name.chars().next() {
        Some(first) if first.is_alphabetic() => {}
        _ => return "No".to_string(),
    }
    let digit_count = name.chars().filter(|c| c.is_ascii_digit()).count();
    if digit_count > 3 {
        return "No".to_string();
    }
    "Yes".to_string()
}
