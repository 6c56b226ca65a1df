use std::io::{self, Read};

const MOD: u64 = 1_000_000_007;

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<usize>().unwrap());
    let n = it.next().unwrap();
    let amount = it.next().unwrap();
    let coins: Vec<usize> = it.take(n).collect();
    let mut ways = vec![0u64; amount + 1];
    ways[0] = 1;
    for &c in &coins {
        for v in c..=amount {
            ways[v] = (ways[v] + ways[v - c]) % MOD;
        }
    }
    println!("{}", ways[amount]);
}
