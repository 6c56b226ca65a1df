fn sort_even(l: Vec<i64>) -> Vec<i64> {
    let mut evens: Vec<i64> = Vec::new();
    let mut odds: Vec<i64> = Vec::new();
    for i in 0..l.len() {
        if i % 2 == 0 {
            evens.push(l[i]);
        } else {
            odds.push(l[i]);
        }
    }
    evens.sort();
    let mut ans: Vec<i64> = Vec::new();
    for i in 0..odds.len() {
        ans.push(evens[i]);
        ans.push(odds[i]);
    }
    if evens.len() > odds.len() {
        ans.push(evens[evens.len() - 1]);
    }
    ans
}
