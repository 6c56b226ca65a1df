fn fix_spaces(text: String) -> String {
    let mut new_text = String::new();
    let mut spaces = 0;
    for c in text.chars() {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces > 2 {
                new_text.push('-');
            } else {
                new_text.push_str(&"_".repeat(spaces));
            }
            new_text.push(c);
            spaces = 0;
        }
    }
    // A trailing run of one or two spaces becomes a single underscore, as in the Python.
    if spaces > 2 {
        new_text.push('-');
    } else if spaces > 0 {
        new_text.push('_');
    }
    new_text
}
