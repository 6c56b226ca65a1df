package main

import "sort"

func StrangeSortList(lst []int) []int {
	sorted := append([]int{}, lst...)
	sort.Ints(sorted)
	result := []int{}
	lo, hi := 0, len(sorted)-1
	takeMin := true
	for lo <= hi {
		if takeMin {
			result = append(result, sorted[lo])
			lo++
		} else {
			result = append(result, sorted[hi])
			hi--
		}
		takeMin = !takeMin
	}
	return result
}
