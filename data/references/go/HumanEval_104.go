package main

import (
	"sort"
	"strconv"
)

func UniqueDigits(x []int) []int {
	result := []int{}
	for _, n := range x {
		allOdd := true
		for _, c := range strconv.Itoa(n) {
			if c < '0' || c > '9' || (c-'0')%2 == 0 {
				allOdd = false
				break
			}
		}
		if allOdd {
			result = append(result, n)
		}
	}
	sort.Ints(result)
	return result
}
