package main

import "strings"

func containsSubstring(s string, substring string) bool {
	return strings.Contains(s, substring)
}

func FilterBySubstring(strings []string, substring string) []string {
	result := []string{}
	for _, s := range strings {
		if containsSubstring(s, substring) {
			result = append(result, s)
		}
	}
	return result
}
