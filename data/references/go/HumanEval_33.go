package main

import "sort"

func SortThird(l []int) []int {
	result := make([]int, len(l))
	copy(result, l)
	thirds := []int{}
	for i := 0; i < len(l); i += 3 {
		thirds = append(thirds, l[i])
	}
	sort.Ints(thirds)
	for i := 0; i < len(thirds); i++ {
		result[i*3] = thirds[i]
	}
	return result
}
