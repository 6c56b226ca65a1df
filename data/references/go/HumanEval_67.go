package main

import (
	"strconv"
	"strings"
)

func FruitDistribution(s string, n int) int {
	total := 0
	for _, word := range strings.Split(s, " ") {
		if word == "" || strings.Trim(word, "0123456789") != "" {
			continue
		}
		count, err := strconv.Atoi(word)
		if err == nil {
			total += count
		}
	}
	return n - total
}
