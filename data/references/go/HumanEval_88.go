package main

import "sort"

func SortArray(array []int) []int {
	result := append([]int{}, array...)
	if len(result) == 0 {
		return result
	}
	if (array[0]+array[len(array)-1])%2 == 0 {
		sort.Sort(sort.Reverse(sort.IntSlice(result)))
	} else {
		sort.Ints(result)
	}
	return result
}
