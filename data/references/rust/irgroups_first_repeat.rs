fn first_repeat(values: Vec<i64>) -> Option<i64> {
    for j in 0..values.len() {
        for i in 0..j {
            if values[i] == values[j] {
                return Some(values[j]);
            }
        }
    }
    None
}
