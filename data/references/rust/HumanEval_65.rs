fn circular_shift(x: i64, shift: i64) -> String {
    let digits: Vec<char> = x.to_string().chars().collect();
    let len = digits.len() as i64;
    if shift > len {
        return digits.iter().rev().collect();
    }
    // A non-positive shift leaves the string unchanged, like Python's slicing.
    let split = (len - shift).min(len) as usize;
    let mut result: String = digits[split..].iter().collect();
    result.extend(&digits[..split]);
    result
}
