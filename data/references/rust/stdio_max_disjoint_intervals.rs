use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let mut intervals: Vec<(i64, i64)> = (0..n)
        .map(|_| {
            let a = it.next().unwrap();
            let b = it.next().unwrap();
            (a.max(b), a.min(b)) // (end, start)
        })
        .collect();
    intervals.sort();
    let mut count = 0;
    let mut last_end: Option<i64> = None;
    for (r, l) in intervals {
        if last_end.map_or(true, |e| l > e) {
            count += 1;
            last_end = Some(r);
        }
    }
    println!("{}", count);
}
