fn cycpattern_check(a: String, b: String) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let l = b.len();
    if l > a.len() {
        return false;
    }
    let pattern: Vec<char> = b.iter().chain(b.iter()).copied().collect();
    for i in 0..=(a.len() - l) {
        for j in 0..=l {
            if a[i..i + l] == pattern[j..j + l] {
                return true;
            }
        }
    }
    false
}
