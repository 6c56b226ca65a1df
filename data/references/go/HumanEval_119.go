package main

func MatchParens(lst []string) string {
	check := func(s string) bool {
		depth := 0
		for _, r := range s {
			if r == '(' {
				depth++
			} else {
				depth--
			}
			if depth < 0 {
				return false
			}
		}
		return depth == 0
	}
	if check(lst[0]+lst[1]) || check(lst[1]+lst[0]) {
		return "Yes"
	}
	return "No"
}
