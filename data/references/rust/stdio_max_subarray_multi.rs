use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<i64>().unwrap());
    let t = it.next().unwrap();
    for _ in 0..t {
        let n = it.next().unwrap() as usize;
        let nums: Vec<i64> = (0..n).map(|_| it.next().unwrap()).collect();
        let mut best = nums[0];
        let mut cur = nums[0];
        for &x in &nums[1..] {
            cur = x.max(cur + x);
            best = best.max(cur);
        }
        println!("{}", best);
    }
}
