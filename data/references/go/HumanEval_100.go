package main

func MakeAPile(n int) []int {
	pile := []int{}
	for i := 0; i < n; i++ {
		pile = append(pile, n+2*i)
	}
	return pile
}
