package main

import "sort"

func MoveOneBall(arr []int) bool {
	if len(arr) == 0 {
		return true
	}
	sorted := make([]int, len(arr))
	copy(sorted, arr)
	sort.Ints(sorted)

	minIndex := 0
	for i, v := range arr {
		if v < arr[minIndex] {
			minIndex = i
		}
	}
	rotated := append([]int{}, arr[minIndex:]...)
	rotated = append(rotated, arr[:minIndex]...)
	for i := range arr {
		if rotated[i] != sorted[i] {
			return false
		}
	}
	return true
}
