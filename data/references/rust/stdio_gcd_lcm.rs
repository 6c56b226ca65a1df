use std::io::{self, Read};

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<u64>().unwrap());
    let t = it.next().unwrap();
    for _ in 0..t {
        let a = it.next().unwrap();
        let b = it.next().unwrap();
        let g = gcd(a, b);
        println!("{} {}", g, a / g * b);
    }
}
