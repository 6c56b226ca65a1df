use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace();
    let n: usize = it.next().unwrap().parse().unwrap();
    let scores: Vec<f64> = it.take(n).map(|s| s.parse().unwrap()).collect();
    let mut total = 0.0;
    for &s in &scores {
        total += s;
    }
    let avg = total / n as f64;
    let above = scores.iter().filter(|&&s| s > avg).count();
    println!("{:.6}", avg);
    println!("{}", above);
}
