package main

import "strconv"

func SpecialFilter(nums []int) int {
	count := 0
	for _, num := range nums {
		if num <= 10 {
			continue
		}
		s := strconv.Itoa(num)
		first := int(s[0] - '0')
		last := int(s[len(s)-1] - '0')
		if first%2 == 1 && last%2 == 1 {
			count++
		}
	}
	return count
}
