package main

func SumSquares(lst []int) int {
	total := 0
	for i, x := range lst {
		if i%3 == 0 {
			total += x * x
		} else if i%4 == 0 {
			total += x * x * x
		} else {
			total += x
		}
	}
	return total
}
