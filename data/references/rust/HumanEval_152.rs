fn compare(game: Vec<i64>, guess: Vec<i64>) -> Vec<i64> {
    game.iter().zip(guess.iter()).map(|(x, y)| (x - y).abs()).collect()
}
