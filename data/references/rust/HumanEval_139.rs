fn special_factorial(n: i64) -> i64 {
    let mut fact_i: i64 = 1;
    let mut special_fact: i64 = 1;
    for i in 1..=n {
        fact_i *= i;
        special_fact *= fact_i;
    }
    special_fact
}
