fn correct_bracketing(brackets: String) -> bool {
    let mut depth: i64 = 0;
    for b in brackets.chars() {
        if b == '(' {
            depth += 1;
        } else {
            depth -= 1;
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}
