use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace();
    let t: usize = it.next().unwrap().parse().unwrap();
    for word in it.take(t) {
        let b = word.as_bytes();
        let n = b.len();
        let changes = (0..n / 2).filter(|&i| b[i] != b[n - 1 - i]).count();
        if changes == 0 {
            println!("YES");
        } else {
            println!("{}", changes);
        }
    }
}
