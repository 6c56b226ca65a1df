use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let lines: Vec<&str> = input.split('\n').collect();
    let t: usize = lines[0].trim().parse().unwrap();
    let mut out = String::new();
    for line in &lines[1..=t] {
        let words: Vec<&str> = line.split_whitespace().rev().collect();
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
