fn max_fill(grid: Vec<Vec<i64>>, capacity: i64) -> i64 {
    let mut total = 0;
    for row in &grid {
        let water: i64 = row.iter().sum();
        total += (water as f64 / capacity as f64).ceil() as i64;
    }
    total
}
