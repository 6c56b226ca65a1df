use std::io::{self, Read};

fn encode(s: &[u8]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < s.len() {
        let mut j = i;
        while j < s.len() && s[j] == s[i] {
            j += 1;
        }
        out.push(s[i] as char);
        if j - i > 1 {
            out.push_str(&(j - i).to_string());
        }
        i = j;
    }
    out
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace();
    let t: usize = it.next().unwrap().parse().unwrap();
    for word in it.take(t) {
        println!("{}", encode(word.as_bytes()));
    }
}
