fn sort_array(arr: Vec<i64>) -> Vec<i64> {
    let mut result = arr.clone();
    // Python counts the ones in bin(x), which for negatives is the binary of |x|.
    result.sort_by_key(|&x| (x.unsigned_abs().count_ones(), x));
    result
}
