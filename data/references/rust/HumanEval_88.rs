fn sort_array(array: Vec<i64>) -> Vec<i64> {
    if array.is_empty() {
        return vec![];
    }
    let mut sorted = array.clone();
    sorted.sort();
    if (array[0] + array[array.len() - 1]) % 2 == 0 {
        sorted.reverse();
    }
    sorted
}
