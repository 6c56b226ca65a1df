fn sorted_list_sum(lst: Vec<String>) -> Vec<String> {
    let mut words: Vec<String> = lst
        .into_iter()
        .filter(|w| w.chars().count() % 2 == 0)
        .collect();
    words.sort();
    words.sort_by_key(|w| w.chars().count());
    words
}
