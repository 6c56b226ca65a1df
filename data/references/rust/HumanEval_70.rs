fn strange_sort_list(lst: Vec<i64>) -> Vec<i64> {
    let mut sorted = lst;
    sorted.sort();
    let mut result = Vec::with_capacity(sorted.len());
    let mut low = 0;
    let mut high = sorted.len();
    let mut take_min = true;
    while low < high {
        if take_min {
            result.push(sorted[low]);
            low += 1;
        } else {
            high -= 1;
            result.push(sorted[high]);
        }
        take_min = !take_min;
    }
    result
}
