use std::collections::HashMap;
use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in input.split_whitespace().skip(1) {
        *counts.entry(w).or_insert(0) += 1;
    }
    let (best, cnt) = counts
        .iter()
        .min_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)))
        .unwrap();
    println!("{} {}", best, cnt);
    println!("{}", counts.len());
}
