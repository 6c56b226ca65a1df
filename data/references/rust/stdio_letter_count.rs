use std::collections::BTreeMap;
use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let word = input.split_whitespace().next().unwrap();
    let mut counts: BTreeMap<char, usize> = BTreeMap::new();
    for ch in word.chars() {
        *counts.entry(ch).or_insert(0) += 1;
    }
    println!("{}", counts.len());
    for (ch, c) in &counts {
        println!("{} {}", ch, c);
    }
}
