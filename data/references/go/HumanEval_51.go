package main

import "strings"

func RemoveVowels(text string) string {
	result := []rune{}
	for _, c := range text {
		if !strings.ContainsRune("aeiou", c) && !strings.ContainsRune("AEIOU", c) {
			result = append(result, c)
		}
	}
	return string(result)
}
