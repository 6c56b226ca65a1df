package main

import (
	"sort"
	"unicode/utf8"
)

func SortedListSum(lst []string) []string {
	sorted := make([]string, len(lst))
	copy(sorted, lst)
	sort.Strings(sorted)
	result := []string{}
	for _, s := range sorted {
		if utf8.RuneCountInString(s)%2 == 0 {
			result = append(result, s)
		}
	}
	sort.SliceStable(result, func(i, j int) bool {
		return utf8.RuneCountInString(result[i]) < utf8.RuneCountInString(result[j])
	})
	return result
}
