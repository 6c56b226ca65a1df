package main

import (
	"strings"
	"unicode"
)

// isPySpace matches Python's str.isspace(), which also counts \x1c-\x1f
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

func IsBored(S string) int {
	count := 0
	var sentence strings.Builder
	skipSpace := false
	for _, c := range S {
		if skipSpace && isPySpace(c) {
			continue
		}
		skipSpace = false
		if c == '.' || c == '?' || c == '!' {
			if strings.HasPrefix(sentence.String(), "I ") {
				count++
			}
			sentence.Reset()
			skipSpace = true
			continue
		}
		sentence.WriteRune(c)
	}
	if strings.HasPrefix(sentence.String(), "I ") {
		count++
	}
	return count
}
