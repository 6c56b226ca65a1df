fn pluck(arr: Vec<i64>) -> Vec<i64> {
    let mut best: Option<(i64, usize)> = None;
    for (i, &value) in arr.iter().enumerate() {
        if value % 2 != 0 {
            continue;
        }
        match best {
            Some((smallest, _)) if smallest <= value => {}
            _ => best = Some((value, i)),
        }
    }
    match best {
        Some((value, index)) => vec![value, index as i64],
        None => vec![],
    }
}
