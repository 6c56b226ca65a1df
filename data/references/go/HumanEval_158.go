package main

func FindMax(words []string) string {
	unique := func(s string) int {
		seen := map[rune]bool{}
		for _, r := range s {
			seen[r] = true
		}
		return len(seen)
	}
	best := words[0]
	bestCount := unique(best)
	for _, w := range words[1:] {
		c := unique(w)
		if c > bestCount || (c == bestCount && w < best) {
			best = w
			bestCount = c
		}
	}
	return best
}
