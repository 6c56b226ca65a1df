package main

import (
	"sort"
	"strings"
)

func AntiShuffle(s string) string {
	words := strings.Split(s, " ")
	for i, word := range words {
		chars := []rune(word)
		sort.Slice(chars, func(a, b int) bool { return chars[a] < chars[b] })
		words[i] = string(chars)
	}
	return strings.Join(words, " ")
}
