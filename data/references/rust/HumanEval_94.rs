// Like the Python helper, this treats 1 as prime.
fn is_prime(n: i64) -> bool {
    let mut i = 2;
    while i * i <= n {
        if n % i == 0 {
            return false;
        }
        i += 1;
    }
    true
}

fn skjkasdkd(lst: Vec<i64>) -> i64 {
    let mut largest = 0;
    for &value in &lst {
        if value > largest && is_prime(value) {
            largest = value;
        }
    }
    let mut digit_total = 0;
    while largest > 0 {
        digit_total += largest % 10;
        largest /= 10;
    }
    digit_total
}
