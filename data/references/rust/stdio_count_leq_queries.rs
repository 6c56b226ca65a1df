use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let mut nums: Vec<i64> = (0..n).map(|_| it.next().unwrap()).collect();
    nums.sort();
    let q = it.next().unwrap() as usize;
    let mut out = String::new();
    for x in it.take(q) {
        let le = nums.partition_point(|&v| v <= x);
        let lt = nums.partition_point(|&v| v < x);
        out.push_str(&format!("{} {}\n", le, le - lt));
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
