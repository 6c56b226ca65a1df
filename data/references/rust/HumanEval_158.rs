use std::collections::HashSet;

fn find_max(words: Vec<String>) -> String {
    let mut best: Option<(usize, &String)> = None;
    for word in &words {
        let unique = word.chars().collect::<HashSet<char>>().len();
        let better = match best {
            None => true,
            Some((count, current)) => unique > count || (unique == count && word < current),
        };
        if better {
            best = Some((unique, word));
        }
    }
    best.map(|(_, w)| w.clone()).unwrap_or_default()
}
