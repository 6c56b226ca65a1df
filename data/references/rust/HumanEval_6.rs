fn parse_paren_group(s: &str) -> i64 {
    let mut depth: i64 = 0;
    let mut max_depth: i64 = 0;
    for c in s.chars() {
        if c == '(' {
            depth += 1;
            if depth > max_depth {
                max_depth = depth;
            }
        } else {
            depth -= 1;
        }
    }
    max_depth
}

fn parse_nested_parens(paren_string: String) -> Vec<i64> {
    let mut result: Vec<i64> = Vec::new();
    for group in paren_string.split(' ') {
        if !group.is_empty() {
            result.push(parse_paren_group(group));
        }
    }
    result
}
