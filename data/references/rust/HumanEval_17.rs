fn parse_music(music_string: String) -> Vec<i64> {
    let mut result: Vec<i64> = Vec::new();
    for note in music_string.split(' ') {
        if note.is_empty() {
            continue;
        }
        let beats = match note {
            "o" => 4,
            "o|" => 2,
            ".|" => 1,
            _ => panic!("unknown note: {}", note),
        };
        result.push(beats);
    }
    result
}
