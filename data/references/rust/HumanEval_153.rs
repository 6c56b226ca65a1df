fn strength(extension: &str) -> i64 {
    let mut cap = 0;
    let mut sm = 0;
    for c in extension.chars() {
        if c.is_alphabetic() {
            if c.is_uppercase() {
                cap += 1;
            } else if c.is_lowercase() {
                sm += 1;
            }
        }
    }
    cap - sm
}

fn strongest_extension(class_name: String, extensions: Vec<String>) -> String {
    let mut strongest = &extensions[0];
    let mut best = strength(strongest);
    for ext in &extensions {
        let val = strength(ext);
        if val > best {
            strongest = ext;
            best = val;
        }
    }
    format!("{}.{}", class_name, strongest)
}
