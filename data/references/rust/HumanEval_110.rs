fn exchange(lst1: Vec<i64>, lst2: Vec<i64>) -> String {
    let mut odd = 0;
    let mut even = 0;
    for x in &lst1 {
        if x.rem_euclid(2) == 1 {
            odd += 1;
        }
    }
    for x in &lst2 {
        if x.rem_euclid(2) == 0 {
            even += 1;
        }
    }
    if even >= odd {
        return "YES".to_string();
    }
    "NO".to_string()
}
