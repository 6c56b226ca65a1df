fn find_closest_elements(numbers: Vec<f64>) -> (f64, f64) {
    let mut closest_pair: Option<(f64, f64)> = None;
    let mut distance: f64 = 0.0;
    for i in 0..numbers.len() {
        for j in 0..numbers.len() {
            if i != j {
                let a = numbers[i];
                let b = numbers[j];
                let new_distance = (a - b).abs();
                if closest_pair.is_none() || new_distance < distance {
                    distance = new_distance;
                    if a <= b {
                        closest_pair = Some((a, b));
                    } else {
                        closest_pair = Some((b, a));
                    }
                }
            }
        }
    }
    closest_pair.unwrap()
}
