package main

import "sort"

func Unique(l []int) []int {
	seen := map[int]bool{}
	result := []int{}
	for _, e := range l {
		if !seen[e] {
			seen[e] = true
			result = append(result, e)
		}
	}
	sort.Ints(result)
	return result
}
