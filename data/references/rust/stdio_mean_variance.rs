use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace();
    let n: usize = it.next().unwrap().parse().unwrap();
    let xs: Vec<f64> = it.take(n).map(|s| s.parse().unwrap()).collect();
    let mut total = 0.0;
    for &x in &xs {
        total += x;
    }
    let mean = total / n as f64;
    let mut sq = 0.0;
    for &x in &xs {
        sq += (x - mean) * (x - mean);
    }
    let var = sq / n as f64;
    println!("{:.6}", mean);
    println!("{:.6}", var);
    println!("{:.6}", var.sqrt());
}
