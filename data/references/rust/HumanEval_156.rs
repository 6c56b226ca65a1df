fn int_to_mini_roman(number: i64) -> String {
    let values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
    let symbols = ["m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"];
    let mut number = number;
    let mut result = String::new();
    for (&value, &symbol) in values.iter().zip(symbols.iter()) {
        while number >= value {
            result.push_str(symbol);
            number -= value;
        }
    }
    result
}
