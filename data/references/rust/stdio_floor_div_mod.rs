use std::io::{self, Read, Write};

fn floor_div_mod(a: i64, b: i64) -> (i64, i64) {
    let mut q = a / b;
    let mut r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        q -= 1;
        r += b;
    }
    (q, r)
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace();
    let t: usize = it.next().unwrap().parse().unwrap();
    let mut out = String::new();
    for _ in 0..t {
        let a: i64 = it.next().unwrap().parse().unwrap();
        let b: i64 = it.next().unwrap().parse().unwrap();
        if b == 0 {
            out.push_str("undefined\n");
        } else {
            let (q, r) = floor_div_mod(a, b);
            out.push_str(&format!("{} {}\n", q, r));
        }
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
