use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let budget = it.next().unwrap();
    let nums: Vec<i64> = it.take(n).collect();
    let mut best = 0;
    let mut left = 0;
    let mut window: i64 = 0;
    for right in 0..n {
        window += nums[right];
        while window > budget {
            window -= nums[left];
            left += 1;
        }
        best = best.max(right + 1 - left);
    }
    println!("{}", best);
}
