package main

import "unicode/utf8"

func TotalMatch(lst1 []string, lst2 []string) []string {
	chars1 := 0
	for _, s := range lst1 {
		chars1 += utf8.RuneCountInString(s)
	}
	chars2 := 0
	for _, s := range lst2 {
		chars2 += utf8.RuneCountInString(s)
	}
	if chars1 <= chars2 {
		return lst1
	}
	return lst2
}
