package main

import (
	"strings"
	"unicode"
)

func FileNameCheck(file_name string) string {
	parts := strings.Split(file_name, ".")
	if len(parts) != 2 {
		return "No"
	}
	name, ext := parts[0], parts[1]
	if ext != "txt" && ext != "exe" && ext != "dll" {
		return "No"
	}
	runes := []rune(name)
	if len(runes) == 0 || !unicode.IsLetter(runes[0]) {
		return "No"
	}
	digits := 0
	for _, r := range runes {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits > 3 {
		return "No"
	}
	return "Yes"
}
