fn is_nested(string: String) -> bool {
    let mut opening = Vec::new();
    let mut closing = Vec::new();
    for (i, c) in string.chars().enumerate() {
        if c == '[' {
            opening.push(i);
        } else {
            closing.push(i);
        }
    }
    closing.reverse();

    let mut cnt = 0;
    let mut i = 0;
    for &idx in &opening {
        if i < closing.len() && idx < closing[i] {
            cnt += 1;
            i += 1;
        }
    }
    cnt >= 2
}
