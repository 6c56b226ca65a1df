use std::collections::HashSet;
use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let path = input.split_whitespace().next().unwrap();
    let (mut x, mut y) = (0i64, 0i64);
    let mut visited: HashSet<(i64, i64)> = HashSet::new();
    visited.insert((0, 0));
    let mut farthest = 0;
    for ch in path.chars() {
        let (dx, dy) = match ch {
            'U' => (0, 1),
            'D' => (0, -1),
            'L' => (-1, 0),
            'R' => (1, 0),
            _ => panic!("bad command"),
        };
        x += dx;
        y += dy;
        visited.insert((x, y));
        farthest = farthest.max(x.abs() + y.abs());
    }
    println!("{} {}", x, y);
    println!("{}", visited.len());
    println!("{}", farthest);
}
