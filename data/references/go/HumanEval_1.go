package main

func SeparateParenGroups(paren_string string) []string {
	result := []string{}
	current := []byte{}
	depth := 0
	for i := 0; i < len(paren_string); i++ {
		c := paren_string[i]
		if c == '(' {
			depth++
			current = append(current, c)
		} else if c == ')' {
			depth--
			current = append(current, c)
			if depth == 0 {
				result = append(result, string(current))
				current = []byte{}
			}
		}
	}
	return result
}
