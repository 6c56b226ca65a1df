fn tri(n: i64) -> Vec<f64> {
    if n == 0 {
        return vec![1.0];
    }
    let mut my_tri = vec![1.0, 3.0];
    for i in 2..=n {
        let idx = i as usize;
        if i % 2 == 0 {
            my_tri.push(i as f64 / 2.0 + 1.0);
        } else {
            my_tri.push(my_tri[idx - 1] + my_tri[idx - 2] + (i as f64 + 3.0) / 2.0);
        }
    }
    my_tri
}
