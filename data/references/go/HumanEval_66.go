package main

import "unicode"

func DigitSum(s string) int {
	total := 0
	for _, c := range s {
		// Python's isupper() also covers Other_Uppercase (e.g. circled letters)
		if unicode.IsUpper(c) || unicode.Is(unicode.Other_Uppercase, c) {
			total += int(c)
		}
	}
	return total
}
