fn xor(i: char, j: char) -> char {
    if i == j {
        '0'
    } else {
        '1'
    }
}

fn string_xor(a: String, b: String) -> String {
    let mut result = String::new();
    for (x, y) in a.chars().zip(b.chars()) {
        result.push(xor(x, y));
    }
    result
}
