fn how_many_times(string: String, substring: String) -> i64 {
    let s: Vec<char> = string.chars().collect();
    let sub: Vec<char> = substring.chars().collect();
    let mut times: i64 = 0;
    let last = s.len() as i64 - sub.len() as i64 + 1;
    let mut i: i64 = 0;
    while i < last {
        let start = i as usize;
        if s[start..start + sub.len()] == sub[..] {
            times += 1;
        }
        i += 1;
    }
    times
}
