fn fibfib(n: i64) -> i64 {
    if n < 2 {
        return 0;
    }
    let mut a: i64 = 0;
    let mut b: i64 = 0;
    let mut c: i64 = 1;
    for _ in 2..n {
        let next = a + b + c;
        a = b;
        b = c;
        c = next;
    }
    c
}
