package main

import "strings"

func GetClosestVowel(word string) string {
	runes := []rune(word)
	if len(runes) < 3 {
		return ""
	}
	isVowel := func(r rune) bool {
		return strings.ContainsRune("aeiouAEIOU", r)
	}
	for i := len(runes) - 2; i > 0; i-- {
		if isVowel(runes[i]) && !isVowel(runes[i+1]) && !isVowel(runes[i-1]) {
			return string(runes[i])
		}
	}
	return ""
}
