use std::io::{self, Read};

fn check(s: &str) -> Option<usize> {
    let mut stack: Vec<char> = Vec::new();
    let mut depth = 0;
    for ch in s.chars() {
        match ch {
            '(' | '[' => {
                stack.push(ch);
                depth = depth.max(stack.len());
            }
            _ => {
                let open = if ch == ')' { '(' } else { '[' };
                if stack.pop() != Some(open) {
                    return None;
                }
            }
        }
    }
    if stack.is_empty() {
        Some(depth)
    } else {
        None
    }
}

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace();
    let t: usize = it.next().unwrap().parse().unwrap();
    for s in it.take(t) {
        match check(s) {
            Some(d) => println!("YES {}", d),
            None => println!("NO"),
        }
    }
}
