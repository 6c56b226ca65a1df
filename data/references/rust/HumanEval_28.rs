fn concatenate(strings: Vec<String>) -> String {
    let mut result = String::new();
    for s in &strings {
        result.push_str(s);
    }
    result
}
