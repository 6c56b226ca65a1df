use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let n: usize = input.trim().parse().unwrap();
    for i in 1..=n {
        println!("{}{}", " ".repeat(n - i), "#".repeat(i));
    }
}
