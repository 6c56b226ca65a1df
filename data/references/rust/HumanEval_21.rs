fn rescale_to_unit(numbers: Vec<f64>) -> Vec<f64> {
    let mut min_number = numbers[0];
    let mut max_number = numbers[0];
    for x in &numbers {
        if *x < min_number {
            min_number = *x;
        }
        if *x > max_number {
            max_number = *x;
        }
    }
    let mut result: Vec<f64> = Vec::new();
    for x in &numbers {
        result.push((*x - min_number) / (max_number - min_number));
    }
    result
}
