fn separate_paren_groups(paren_string: String) -> Vec<String> {
    let mut result: Vec<String> = Vec::new();
    let mut current_string = String::new();
    let mut current_depth: i64 = 0;

    for c in paren_string.chars() {
        if c == '(' {
            current_depth += 1;
            current_string.push(c);
        } else if c == ')' {
            current_depth -= 1;
            current_string.push(c);

            if current_depth == 0 {
                result.push(current_string.clone());
                current_string.clear();
            }
        }
    }
    result
}
