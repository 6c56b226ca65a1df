fn prime_length(string: String) -> bool {
    let len = string.chars().count();
    if len < 2 {
        return false;
    }
    let mut d = 2;
    while d * d <= len {
        if len % d == 0 {
            return false;
        }
        d += 1;
    }
    true
}
