package main

import "strings"

func parseParenGroup(s string) int {
	depth := 0
	maxDepth := 0
	for _, c := range s {
		if c == '(' {
			depth++
			if depth > maxDepth {
				maxDepth = depth
			}
		} else {
			depth--
		}
	}
	return maxDepth
}

func ParseNestedParens(paren_string string) []int {
	result := []int{}
	for _, group := range strings.Split(paren_string, " ") {
		if group != "" {
			result = append(result, parseParenGroup(group))
		}
	}
	return result
}
