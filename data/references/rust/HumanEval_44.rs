fn change_base(x: i64, base: i64) -> String {
    let mut x = x;
    let mut ret = String::new();
    while x > 0 {
        ret = format!("{}{}", x % base, ret);
        x /= base;
    }
    ret
}
