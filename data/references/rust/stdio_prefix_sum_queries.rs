use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let mut prefix = vec![0i64; n + 1];
    for i in 0..n {
        prefix[i + 1] = prefix[i] + it.next().unwrap();
    }
    let q = it.next().unwrap() as usize;
    let mut out = String::new();
    for _ in 0..q {
        let mut l = it.next().unwrap() as usize;
        let mut r = it.next().unwrap() as usize;
        if l > r {
            std::mem::swap(&mut l, &mut r);
        }
        out.push_str(&format!("{}\n", prefix[r] - prefix[l - 1]));
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
