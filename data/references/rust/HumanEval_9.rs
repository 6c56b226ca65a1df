fn rolling_max(numbers: Vec<i64>) -> Vec<i64> {
    let mut running_max: Option<i64> = None;
    let mut result: Vec<i64> = Vec::new();
    for n in numbers {
        let current = match running_max {
            None => n,
            Some(m) => {
                if n > m {
                    n
                } else {
                    m
                }
            }
        };
        running_max = Some(current);
        result.push(current);
    }
    result
}
