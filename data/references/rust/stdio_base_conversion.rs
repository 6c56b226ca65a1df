use std::io::{self, Read};

const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn to_base(x: i64, b: u64) -> String {
    if x == 0 {
        return "0".to_string();
    }
    let mut v = x.unsigned_abs();
    let mut out: Vec<u8> = Vec::new();
    while v > 0 {
        out.push(DIGITS[(v % b) as usize]);
        v /= b;
    }
    if x < 0 {
        out.push(b'-');
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace();
    let t: usize = it.next().unwrap().parse().unwrap();
    for _ in 0..t {
        let x: i64 = it.next().unwrap().parse().unwrap();
        let b: u64 = it.next().unwrap().parse().unwrap();
        println!("{}", to_base(x, b));
    }
}
