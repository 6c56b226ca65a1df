package main

import "strconv"

func AddElements(arr []int, k int) int {
	if k > len(arr) {
		k = len(arr)
	}
	sum := 0
	for _, x := range arr[:k] {
		if len(strconv.Itoa(x)) <= 2 {
			sum += x
		}
	}
	return sum
}
