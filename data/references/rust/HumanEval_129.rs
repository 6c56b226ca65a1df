fn min_path(grid: Vec<Vec<i64>>, k: i64) -> Vec<i64> {
    let n = grid.len();
    let mut val = (n * n + 1) as i64;
    for i in 0..n {
        for j in 0..n {
            if grid[i][j] == 1 {
                let mut neighbours = Vec::new();
                if i != 0 {
                    neighbours.push(grid[i - 1][j]);
                }
                if j != 0 {
                    neighbours.push(grid[i][j - 1]);
                }
                if i != n - 1 {
                    neighbours.push(grid[i + 1][j]);
                }
                if j != n - 1 {
                    neighbours.push(grid[i][j + 1]);
                }
                val = *neighbours.iter().min().unwrap();
            }
        }
    }

    let mut ans = Vec::new();
    for i in 0..k {
        if i % 2 == 0 {
            ans.push(1);
        } else {
            ans.push(val);
        }
    }
    ans
}
