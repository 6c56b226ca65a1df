use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace().map(|s| s.parse::<i64>().unwrap());
    let n = it.next().unwrap() as usize;
    let m = it.next().unwrap() as usize;
    let p = it.next().unwrap() as usize;
    let a: Vec<Vec<i64>> = (0..n).map(|_| (0..m).map(|_| it.next().unwrap()).collect()).collect();
    let b: Vec<Vec<i64>> = (0..m).map(|_| (0..p).map(|_| it.next().unwrap()).collect()).collect();
    let mut out = String::new();
    for i in 0..n {
        let row: Vec<String> = (0..p)
            .map(|j| (0..m).map(|k| a[i][k] * b[k][j]).sum::<i64>().to_string())
            .collect();
        out.push_str(&row.join(" "));
        out.push('\n');
    }
    io::stdout().write_all(out.as_bytes()).unwrap();
}
