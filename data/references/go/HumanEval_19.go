package main

import (
	"sort"
	"strings"
)

func SortNumbers(numbers string) string {
	valueMap := map[string]int{
		"zero":  0,
		"one":   1,
		"two":   2,
		"three": 3,
		"four":  4,
		"five":  5,
		"six":   6,
		"seven": 7,
		"eight": 8,
		"nine":  9,
	}
	words := []string{}
	for _, x := range strings.Split(numbers, " ") {
		if x != "" {
			words = append(words, x)
		}
	}
	sort.SliceStable(words, func(i, j int) bool {
		return valueMap[words[i]] < valueMap[words[j]]
	})
	return strings.Join(words, " ")
}
