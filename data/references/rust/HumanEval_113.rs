fn odd_count(lst: Vec<String>) -> Vec<String> {
    let mut result = Vec::new();
    for s in &lst {
        let n = s
            .chars()
            .filter(|c| c.to_digit(10).map_or(false, |d| d % 2 == 1))
            .count();
        result.push(format!(
            "the number of odd elements {n}n the str{n}ng {n} of the {n}nput.",
            n = n
        ));
    }
    result
}
