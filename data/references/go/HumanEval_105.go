package main

import "sort"

func ByLength(arr []int) []string {
	names := []string{"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"}
	sorted := append([]int{}, arr...)
	sort.Sort(sort.Reverse(sort.IntSlice(sorted)))
	result := []string{}
	for _, v := range sorted {
		if v >= 1 && v <= 9 {
			result = append(result, names[v-1])
		}
	}
	return result
}
