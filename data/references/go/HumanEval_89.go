package main

import "strings"

func Encrypt(s string) string {
	var out strings.Builder
	for _, c := range s {
		if c >= 'a' && c <= 'z' {
			out.WriteRune('a' + (c-'a'+4)%26)
		} else {
			out.WriteRune(c)
		}
	}
	return out.String()
}
