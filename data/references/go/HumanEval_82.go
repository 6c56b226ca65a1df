package main

import "unicode/utf8"

func PrimeLength(string_ string) bool {
	length := utf8.RuneCountInString(string_)
	if length < 2 {
		return false
	}
	for i := 2; i*i <= length; i++ {
		if length%i == 0 {
			return false
		}
	}
	return true
}
