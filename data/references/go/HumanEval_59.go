package main

func LargestPrimeFactor(n int) int {
	largest := 1
	m := n
	for p := 2; p*p <= m; p++ {
		for m%p == 0 {
			largest = p
			m /= p
		}
	}
	if m > 1 {
		largest = m
	}
	return largest
}
