package main

import "sort"

func GetOddCollatz(n int) []int {
	odds := []int{}
	if n%2 != 0 {
		odds = append(odds, n)
	}
	for n > 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = n*3 + 1
		}
		if n%2 == 1 {
			odds = append(odds, n)
		}
	}
	sort.Ints(odds)
	return odds
}
