use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let mut nums: Vec<i64> = it.take(n).collect();
    nums.sort();
    let line: Vec<String> = nums.iter().map(|x| x.to_string()).collect();
    println!("{}", line.join(" "));
    if n % 2 == 1 {
        println!("{}", nums[n / 2]);
    } else {
        let s = nums[n / 2 - 1] + nums[n / 2];
        if s % 2 == 0 {
            println!("{}", s / 2);
        } else {
            println!("{:.1}", s as f64 / 2.0);
        }
    }
}
