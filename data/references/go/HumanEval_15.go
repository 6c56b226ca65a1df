package main

import (
	"strconv"
	"strings"
)

func StringSequence(n int) string {
	parts := []string{}
	for x := 0; x <= n; x++ {
		parts = append(parts, strconv.Itoa(x))
	}
	return strings.Join(parts, " ")
}
