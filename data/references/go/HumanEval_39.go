package main

import "math"

func isPrimeNumber(p int) bool {
	if p < 2 {
		return false
	}
	limit := int(math.Sqrt(float64(p))) + 1
	if p-1 < limit {
		limit = p - 1
	}
	for k := 2; k < limit; k++ {
		if p%k == 0 {
			return false
		}
	}
	return true
}

func PrimeFib(n int) int {
	a, b := 0, 1
	for {
		a, b = b, a+b
		if isPrimeNumber(b) {
			n--
		}
		if n == 0 {
			return b
		}
	}
}
