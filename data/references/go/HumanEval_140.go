package main

import "strings"

func FixSpaces(text string) string {
	var b strings.Builder
	spaces := 0
	for _, r := range text {
		if r == ' ' {
			spaces++
			continue
		}
		if spaces > 2 {
			b.WriteString("-")
		} else if spaces > 0 {
			b.WriteString(strings.Repeat("_", spaces))
		}
		b.WriteRune(r)
		spaces = 0
	}
	// trailing spaces collapse to a single mark, even when there are two
	if spaces > 2 {
		b.WriteString("-")
	} else if spaces > 0 {
		b.WriteString("_")
	}
	return b.String()
}
