package main

import "sort"

func Maximum(arr []int, k int) []int {
	if k == 0 {
		return []int{}
	}
	sorted := make([]int, len(arr))
	copy(sorted, arr)
	sort.Ints(sorted)
	start := len(sorted) - k
	if start < 0 {
		start = 0
	}
	return sorted[start:]
}
