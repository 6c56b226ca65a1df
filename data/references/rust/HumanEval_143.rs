fn is_prime(n: usize) -> bool {
    if n < 2 {
        return false;
    }
    let mut i = 2;
    while i * i <= n {
        if n % i == 0 {
            return false;
        }
        i += 1;
    }
    true
}

fn words_in_sentence(sentence: String) -> String {
    let mut kept = Vec::new();
    for word in sentence.split_whitespace() {
        if is_prime(word.chars().count()) {
            kept.push(word);
        }
    }
    kept.join(" ")
}
