package main

import "strconv"

func CircularShift(x int, shift int) string {
	s := strconv.Itoa(x)
	n := len(s)
	if shift > n {
		reversed := []byte(s)
		for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
			reversed[i], reversed[j] = reversed[j], reversed[i]
		}
		return string(reversed)
	}
	if shift <= 0 {
		return s
	}
	return s[n-shift:] + s[:n-shift]
}
