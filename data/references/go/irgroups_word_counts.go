package main

func WordCounts(text string) map[string]int {
	counts := map[string]int{}
	word := []byte{}
	padded := text + " "
	for i := 0; i < len(padded); i++ {
		ch := padded[i]
		if ch >= 'a' && ch <= 'z' {
			word = append(word, ch)
		} else if ch >= 'A' && ch <= 'Z' {
			word = append(word, ch-'A'+'a')
		} else {
			if len(word) > 0 {
				counts[string(word)]++
			}
			word = word[:0]
		}
	}
	return counts
}
