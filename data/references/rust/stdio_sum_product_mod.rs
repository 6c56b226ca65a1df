use std::io::{self, Read};

const MOD: i64 = 1_000_000_007;

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let mut total: i64 = 0;
    let mut product: i64 = 1;
    for x in it.take(n) {
        total += x;
        product = product * x.rem_euclid(MOD) % MOD;
    }
    println!("{}", total);
    println!("{}", product);
}
