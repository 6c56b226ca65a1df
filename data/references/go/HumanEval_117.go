package main

import (
	"strings"
	"unicode"
)

func SelectWords(s string, n int) []string {
	result := []string{}
	for _, word := range strings.Fields(s) {
		consonants := 0
		for _, r := range word {
			if !strings.ContainsRune("aeiou", unicode.ToLower(r)) {
				consonants++
			}
		}
		if consonants == n {
			result = append(result, word)
		}
	}
	return result
}
