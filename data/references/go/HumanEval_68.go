package main

func Pluck(arr []int) []int {
	bestIndex := -1
	for i, v := range arr {
		if v%2 == 0 && (bestIndex == -1 || v < arr[bestIndex]) {
			bestIndex = i
		}
	}
	if bestIndex == -1 {
		return []int{}
	}
	return []int{arr[bestIndex], bestIndex}
}
