use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let n: usize = input.trim().parse().unwrap();
    let mut sieve = vec![true; n + 1];
    let mut primes: Vec<usize> = Vec::new();
    for i in 2..=n {
        if sieve[i] {
            primes.push(i);
            let mut j = i * i;
            while j <= n {
                sieve[j] = false;
                j += i;
            }
        }
    }
    println!("{}", primes.len());
    let line: Vec<String> = primes.iter().map(|p| p.to_string()).collect();
    println!("{}", line.join(" "));
}
