fn move_one_ball(arr: Vec<i64>) -> bool {
    if arr.is_empty() {
        return true;
    }
    let mut sorted_array = arr.clone();
    sorted_array.sort();

    let min_value = *arr.iter().min().unwrap();
    let min_index = arr.iter().position(|&x| x == min_value).unwrap();
    let mut rotated: Vec<i64> = arr[min_index..].to_vec();
    rotated.extend_from_slice(&arr[..min_index]);

    for i in 0..arr.len() {
        if rotated[i] != sorted_array[i] {
            return false;
        }
    }
    true
}
