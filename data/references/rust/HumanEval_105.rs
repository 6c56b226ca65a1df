fn by_length(arr: Vec<i64>) -> Vec<String> {
    let names = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];
    let mut sorted = arr;
    sorted.sort_by(|a, b| b.cmp(a));
    let mut result = Vec::new();
    for value in sorted {
        if (1..=9).contains(&value) {
            result.push(names[(value - 1) as usize].to_string());
        }
    }
    result
}
