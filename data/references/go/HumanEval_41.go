package main

func CarRaceCollision(n int) int {
	return n * n
}
