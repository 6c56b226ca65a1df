fn fizz_buzz(n: i64) -> i64 {
    let mut s = String::new();
    let mut i: i64 = 0;
    while i < n {
        if i % 11 == 0 || i % 13 == 0 {
            s.push_str(&i.to_string());
        }
        i += 1;
    }
    let mut ans: i64 = 0;
    for c in s.chars() {
        if c == '7' {
            ans += 1;
        }
    }
    ans
}
