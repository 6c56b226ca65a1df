package main

import "unicode"

func FlipCase(string string) string {
	result := []rune{}
	for _, c := range string {
		if unicode.IsUpper(c) {
			result = append(result, unicode.ToLower(c))
		} else if unicode.IsLower(c) {
			result = append(result, unicode.ToUpper(c))
		} else {
			result = append(result, c)
		}
	}
	return runesToString(result)
}

func runesToString(r []rune) string {
	return string(r)
}
