package main

import "strings"

func ReverseDelete(s string, c string) (string, bool) {
	kept := []rune{}
	for _, r := range s {
		if !strings.ContainsRune(c, r) {
			kept = append(kept, r)
		}
	}
	isPalindrome := true
	for i, j := 0, len(kept)-1; i < j; i, j = i+1, j-1 {
		if kept[i] != kept[j] {
			isPalindrome = false
			break
		}
	}
	return string(kept), isPalindrome
}
