fn transpose_grid(grid: Vec<Vec<i64>>) -> Vec<Vec<i64>> {
    let mut result: Vec<Vec<i64>> = Vec::new();
    if grid.is_empty() || grid[0].is_empty() {
        return result;
    }
    for c in 0..grid[0].len() {
        let mut column: Vec<i64> = Vec::new();
        for r in 0..grid.len() {
            column.push(grid[r][c]);
        }
        result.push(column);
    }
    result
}
