package main

import "strings"

func hasPrefix(s string, prefix string) bool {
	return strings.HasPrefix(s, prefix)
}

func FilterByPrefix(strings []string, prefix string) []string {
	result := []string{}
	for _, s := range strings {
		if hasPrefix(s, prefix) {
			result = append(result, s)
		}
	}
	return result
}
