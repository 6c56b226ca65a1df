package main

import (
	"strings"
	"unicode"
)

func CheckIfLastCharIsALetter(txt string) bool {
	parts := strings.Split(txt, " ")
	last := []rune(parts[len(parts)-1])
	if len(last) != 1 {
		return false
	}
	c := unicode.ToLower(last[0])
	return c >= 'a' && c <= 'z'
}
