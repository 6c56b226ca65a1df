package main

import (
	"math"
	"strconv"
	"strings"
)

func ClosestInteger(value string) int {
	if strings.Count(value, ".") == 1 {
		value = strings.TrimRight(value, "0")
	}
	num, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
	if err != nil {
		return 0
	}
	if strings.HasSuffix(value, ".5") {
		if num > 0 {
			return int(math.Ceil(num))
		}
		return int(math.Floor(num))
	}
	// Python's round() rounds halves to even
	return int(math.RoundToEven(num))
}
