package main

import (
	"strings"
	"unicode/utf8"
)

func WordsInSentence(sentence string) string {
	kept := []string{}
	for _, word := range strings.Fields(sentence) {
		n := utf8.RuneCountInString(word)
		prime := n >= 2
		for d := 2; d*d <= n; d++ {
			if n%d == 0 {
				prime = false
				break
			}
		}
		if prime {
			kept = append(kept, word)
		}
	}
	return strings.Join(kept, " ")
}
