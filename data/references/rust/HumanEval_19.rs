fn value_of(word: &str) -> i64 {
    match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        _ => panic!("unknown number word: {}", word),
    }
}

fn sort_numbers(numbers: String) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in numbers.split(' ') {
        if !w.is_empty() {
            words.push(w);
        }
    }
    words.sort_by_key(|w| value_of(w));
    words.join(" ")
}
