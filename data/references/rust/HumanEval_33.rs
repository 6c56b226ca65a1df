fn sort_third(l: Vec<i64>) -> Vec<i64> {
    let mut result = l.clone();
    let mut thirds: Vec<i64> = Vec::new();
    let mut i = 0;
    while i < l.len() {
        thirds.push(l[i]);
        i += 3;
    }
    thirds.sort();
    let mut j = 0;
    let mut i = 0;
    while i < result.len() {
        result[i] = thirds[j];
        j += 1;
        i += 3;
    }
    result
}
