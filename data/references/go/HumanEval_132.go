package main

func IsNested(string_ string) bool {
	var opening, closing []int
	for i, r := range []rune(string_) {
		if r == '[' {
			opening = append(opening, i)
		} else {
			closing = append(closing, i)
		}
	}
	count := 0
	j := len(closing) - 1
	for _, idx := range opening {
		if j >= 0 && idx < closing[j] {
			count++
			j--
		}
	}
	return count >= 2
}
