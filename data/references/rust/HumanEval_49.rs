fn py_mod(a: i64, b: i64) -> i64 {
    let r = a % b;
    if r != 0 && (r < 0) != (b < 0) {
        r + b
    } else {
        r
    }
}

fn modp(n: i64, p: i64) -> i64 {
    let mut ret: i64 = 1;
    let mut i: i64 = 0;
    while i < n {
        ret = py_mod(2 * ret, p);
        i += 1;
    }
    ret
}
