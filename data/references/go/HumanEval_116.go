package main

import (
	"math/bits"
	"sort"
)

func SortArray(arr []int) []int {
	result := make([]int, len(arr))
	copy(result, arr)
	sort.Ints(result)
	// Python counts the ones of bin(x), which for negatives is the binary of -x
	ones := func(x int) int {
		if x < 0 {
			x = -x
		}
		return bits.OnesCount64(uint64(x))
	}
	sort.SliceStable(result, func(i, j int) bool {
		return ones(result[i]) < ones(result[j])
	})
	return result
}
