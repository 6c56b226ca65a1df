fn is_palindrome(n: i64) -> bool {
    let s = n.to_string();
    s.chars().rev().collect::<String>() == s
}

fn even_odd_palindrome(n: i64) -> (i64, i64) {
    let mut even_count = 0;
    let mut odd_count = 0;
    for i in 1..=n {
        if is_palindrome(i) {
            if i % 2 == 0 {
                even_count += 1;
            } else {
                odd_count += 1;
            }
        }
    }
    (even_count, odd_count)
}
