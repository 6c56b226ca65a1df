package main

func AdditivePersistence(n int) int {
	m := n
	if m < 0 {
		m = -m
	}
	steps := 0
	for m >= 10 {
		total := 0
		for m > 0 {
			total += m % 10
			m /= 10
		}
		m = total
		steps++
	}
	return steps
}
