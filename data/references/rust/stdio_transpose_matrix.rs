use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace();
    let r: usize = it.next().unwrap().parse().unwrap();
    let c: usize = it.next().unwrap().parse().unwrap();
    let vals: Vec<&str> = it.take(r * c).collect();
    for j in 0..c {
        let col: Vec<&str> = (0..r).map(|i| vals[i * c + j]).collect();
        println!("{}", col.join(" "));
    }
}
