fn anti_shuffle(s: String) -> String {
    let words: Vec<String> = s
        .split(' ')
        .map(|word| {
            let mut chars: Vec<char> = word.chars().collect();
            chars.sort();
            chars.into_iter().collect()
        })
        .collect();
    words.join(" ")
}
