package main

import "strings"

func CountDistinctCharacters(string string) int {
	seen := map[rune]bool{}
	for _, c := range strings.ToLower(string) {
		seen[c] = true
	}
	return len(seen)
}
