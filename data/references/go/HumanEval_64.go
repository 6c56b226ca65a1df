package main

import "strings"

func VowelsCount(s string) int {
	runes := []rune(s)
	count := 0
	for _, c := range runes {
		if strings.ContainsRune("aeiouAEIOU", c) {
			count++
		}
	}
	if len(runes) > 0 {
		last := runes[len(runes)-1]
		if last == 'y' || last == 'Y' {
			count++
		}
	}
	return count
}
