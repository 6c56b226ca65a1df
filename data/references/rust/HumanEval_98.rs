fn count_upper(s: String) -> i64 {
    let mut count = 0;
    for c in s.chars().step_by(2) {
        if "AEIOU".contains(c) {
            count += 1;
        }
    }
    count
}
