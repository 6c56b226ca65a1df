package main

import (
	"sort"
	"strconv"
)

func OrderByPoints(nums []int) []int {
	// digit sum where the leading digit of a negative number counts as negative
	digitSum := func(n int) int {
		sign := 1
		if n < 0 {
			n = -n
			sign = -1
		}
		sum := 0
		for i, c := range strconv.Itoa(n) {
			d := int(c - '0')
			if i == 0 {
				d *= sign
			}
			sum += d
		}
		return sum
	}
	result := make([]int, len(nums))
	copy(result, nums)
	sort.SliceStable(result, func(i, j int) bool {
		return digitSum(result[i]) < digitSum(result[j])
	})
	return result
}
