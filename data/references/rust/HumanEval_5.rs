fn intersperse(numbers: Vec<i64>, delimeter: i64) -> Vec<i64> {
    let mut result: Vec<i64> = Vec::new();
    if numbers.is_empty() {
        return result;
    }
    for i in 0..numbers.len() - 1 {
        result.push(numbers[i]);
        result.push(delimeter);
    }
    result.push(numbers[numbers.len() - 1]);
    result
}
