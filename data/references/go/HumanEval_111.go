package main

import "strings"

func Histogram(test string) map[string]int {
	words := strings.Split(test, " ")
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	best := 0
	for _, w := range words {
		if w != "" && counts[w] > best {
			best = counts[w]
		}
	}
	result := map[string]int{}
	if best > 0 {
		// an empty token (from repeated spaces) is kept if its count ties the best
		for _, w := range words {
			if counts[w] == best {
				result[w] = best
			}
		}
	}
	return result
}
