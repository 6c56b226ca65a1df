package main

import "strconv"

func CountNums(arr []int) int {
	count := 0
	for _, n := range arr {
		if signedDigitSum(n) > 0 {
			count++
		}
	}
	return count
}

// the first digit of a negative number counts as negative: -123 -> -1 + 2 + 3
func signedDigitSum(n int) int {
	sign := 1
	if n < 0 {
		n = -n
		sign = -1
	}
	digits := strconv.Itoa(n)
	sum := 0
	for i, c := range digits {
		d := int(c - '0')
		if i == 0 {
			d *= sign
		}
		sum += d
	}
	return sum
}
