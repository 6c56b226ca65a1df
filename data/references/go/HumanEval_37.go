package main

import "sort"

func SortEven(l []int) []int {
	evens := []int{}
	odds := []int{}
	for i := 0; i < len(l); i++ {
		if i%2 == 0 {
			evens = append(evens, l[i])
		} else {
			odds = append(odds, l[i])
		}
	}
	sort.Ints(evens)
	ans := []int{}
	for i := 0; i < len(odds); i++ {
		ans = append(ans, evens[i], odds[i])
	}
	if len(evens) > len(odds) {
		ans = append(ans, evens[len(evens)-1])
	}
	return ans
}
