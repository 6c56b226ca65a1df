package main

func CanArrange(arr []int) int {
	index := -1
	for i := 1; i < len(arr); i++ {
		if arr[i] < arr[i-1] {
			index = i
		}
	}
	return index
}
