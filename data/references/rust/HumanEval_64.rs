fn vowels_count(s: String) -> i64 {
    let vowels = "aeiouAEIOU";
    let mut count = s.chars().filter(|c| vowels.contains(*c)).count() as i64;
    if let Some(last) = s.chars().last() {
        if last == 'y' || last == 'Y' {
            count += 1;
        }
    }
    count
}
