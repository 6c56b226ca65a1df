fn check(s: &str) -> bool {
    let mut val = 0;
    for c in s.chars() {
        if c == '(' {
            val += 1;
        } else {
            val -= 1;
        }
        if val < 0 {
            return false;
        }
    }
    val == 0
}

fn match_parens(lst: Vec<String>) -> String {
    let s1 = format!("{}{}", lst[0], lst[1]);
    let s2 = format!("{}{}", lst[1], lst[0]);
    if check(&s1) || check(&s2) {
        "Yes".to_string()
    } else {
        "No".to_string()
    }
}
