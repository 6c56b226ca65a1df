package main

import "sort"

func Median(l []int) float64 {
	sorted := make([]int, len(l))
	copy(sorted, l)
	sort.Ints(sorted)
	mid := len(sorted) / 2
	if len(sorted)%2 == 1 {
		return float64(sorted[mid])
	}
	return float64(sorted[mid-1]+sorted[mid]) / 2.0
}
