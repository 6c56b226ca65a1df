package main

import (
	"strings"
	"unicode"
)

func WordsString(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		// Python's str.split() also splits on \x1c-\x1f
		return r == ',' || unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
	})
}
