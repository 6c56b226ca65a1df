package main

import (
	"strings"
	"unicode"
)

func Encode(message string) string {
	var out strings.Builder
	for _, c := range message {
		if unicode.IsUpper(c) {
			c = unicode.ToLower(c)
		} else if unicode.IsLower(c) {
			c = unicode.ToUpper(c)
		}
		if strings.ContainsRune("aeiouAEIOU", c) {
			c += 2
		}
		out.WriteRune(c)
	}
	return out.String()
}
