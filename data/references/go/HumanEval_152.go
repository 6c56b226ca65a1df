package main

func Compare(game []int, guess []int) []int {
	n := len(game)
	if len(guess) < n {
		n = len(guess)
	}
	result := make([]int, n)
	for i := 0; i < n; i++ {
		diff := game[i] - guess[i]
		if diff < 0 {
			diff = -diff
		}
		result[i] = diff
	}
	return result
}
