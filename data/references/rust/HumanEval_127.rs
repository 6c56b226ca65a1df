fn is_prime(num: i64) -> bool {
    if num < 2 {
        return false;
    }
    let mut i = 2;
    while i * i <= num {
        if num % i == 0 {
            return false;
        }
        i += 1;
    }
    true
}

fn intersection(interval1: (i64, i64), interval2: (i64, i64)) -> String {
    let l = interval1.0.max(interval2.0);
    let r = interval1.1.min(interval2.1);
    let length = r - l;
    if length > 0 && is_prime(length) {
        return "YES".to_string();
    }
    "NO".to_string()
}
