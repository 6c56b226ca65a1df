package main

func CycpatternCheck(a string, b string) bool {
	text := []rune(a)
	word := []rune(b)
	l := len(word)
	pattern := append(append([]rune{}, word...), word...)
	for i := 0; i+l <= len(text); i++ {
		window := string(text[i : i+l])
		for j := 0; j <= l; j++ {
			if window == string(pattern[j:j+l]) {
				return true
			}
		}
	}
	return false
}
