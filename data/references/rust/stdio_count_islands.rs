use std::io::{self, Read};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_whitespace();
    let r: usize = it.next().unwrap().parse().unwrap();
    let c: usize = it.next().unwrap().parse().unwrap();
    let mut grid: Vec<Vec<u8>> = (0..r).map(|_| it.next().unwrap().as_bytes().to_vec()).collect();
    let mut islands = 0;
    for i in 0..r {
        for j in 0..c {
            if grid[i][j] != b'#' {
                continue;
            }
            islands += 1;
            grid[i][j] = b'.';
            let mut stack = vec![(i, j)];
            while let Some((y, x)) = stack.pop() {
                let dirs: [(i64, i64); 4] = [(1, 0), (-1, 0), (0, 1), (0, -1)];
                for (dy, dx) in dirs {
                    let ny = y as i64 + dy;
                    let nx = x as i64 + dx;
                    if ny < 0 || nx < 0 || ny >= r as i64 || nx >= c as i64 {
                        continue;
                    }
                    let (ny, nx) = (ny as usize, nx as usize);
                    if grid[ny][nx] == b'#' {
                        grid[ny][nx] = b'.';
                        stack.push((ny, nx));
                    }
                }
            }
        }
    }
    println!("{}", islands);
}
