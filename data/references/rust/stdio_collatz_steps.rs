use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<u64>().unwrap());
    let t = it.next().unwrap() as usize;
    for mut x in it.take(t) {
        let mut steps = 0;
        let mut peak = x;
        while x != 1 {
            x = if x % 2 == 0 { x / 2 } else { 3 * x + 1 };
            peak = peak.max(x);
            steps += 1;
        }
        println!("{} {}", steps, peak);
    }
}
