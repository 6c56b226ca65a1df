package main

import (
	"strconv"
	"strings"
)

// parseDatePart accepts what Python's int() accepts for ASCII text without '-':
// surrounding whitespace, an optional '+', and digits with single underscores between them.
func parseDatePart(s string) (int, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "+")
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return 0, false
	}
	digits := strings.ReplaceAll(s, "_", "")
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	value, err := strconv.Atoi(digits)
	if err != nil {
		// too many digits for an int: syntactically fine, just huge
		value = 1 << 40
	}
	return value, true
}

func ValidDate(date string) bool {
	parts := strings.Split(strings.TrimSpace(date), "-")
	if len(parts) != 3 {
		return false
	}
	month, ok1 := parseDatePart(parts[0])
	day, ok2 := parseDatePart(parts[1])
	_, ok3 := parseDatePart(parts[2])
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	if month < 1 || month > 12 {
		return false
	}
	// Python's "a and b or c" groups as "(a and b) or c", so any day above 29 fails
	in31 := month == 1 || month == 3 || month == 5 || month == 7 || month == 8 || month == 10 || month == 12
	in30 := month == 4 || month == 6 || month == 9 || month == 11
	if (in31 && day < 1) || day > 31 {
		return false
	}
	if (in30 && day < 1) || day > 30 {
		return false
	}
	if (month == 2 && day < 1) || day > 29 {
		return false
	}
	return true
}
