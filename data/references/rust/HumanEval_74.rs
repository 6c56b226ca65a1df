fn total_match(lst1: Vec<String>, lst2: Vec<String>) -> Vec<String> {
    let chars1: usize = lst1.iter().map(|s| s.chars().count()).sum();
    let chars2: usize = lst2.iter().map(|s| s.chars().count()).sum();
    if chars1 <= chars2 {
        lst1
    } else {
        lst2
    }
}
