package main

import "sort"

func Common(l1 []int, l2 []int) []int {
	inSecond := make(map[int]bool)
	for _, e := range l2 {
		inSecond[e] = true
	}
	seen := make(map[int]bool)
	result := []int{}
	for _, e := range l1 {
		if inSecond[e] && !seen[e] {
			seen[e] = true
			result = append(result, e)
		}
	}
	sort.Ints(result)
	return result
}
