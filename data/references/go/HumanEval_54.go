package main

func SameChars(s0 string, s1 string) bool {
	chars0 := make(map[rune]bool)
	for _, c := range s0 {
		chars0[c] = true
	}
	chars1 := make(map[rune]bool)
	for _, c := range s1 {
		chars1[c] = true
	}
	if len(chars0) != len(chars1) {
		return false
	}
	for c := range chars0 {
		if !chars1[c] {
			return false
		}
	}
	return true
}
