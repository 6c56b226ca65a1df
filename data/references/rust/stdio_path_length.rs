use std::io::{self, Read};

fn dist(a: (i64, i64), b: (i64, i64)) -> f64 {
    let dx = b.0 - a.0;
    let dy = b.1 - a.1;
    ((dx * dx + dy * dy) as f64).sqrt()
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let pts: Vec<(i64, i64)> = (0..n).map(|_| (it.next().unwrap(), it.next().unwrap())).collect();
    let mut total = 0.0;
    for i in 1..n {
        total += dist(pts[i - 1], pts[i]);
    }
    println!("{:.6}", total);
    println!("{:.6}", dist(pts[0], pts[n - 1]));
}
