package main

import (
	"strconv"
	"strings"
)

func Simplify(x string, n string) bool {
	xs := strings.Split(x, "/")
	ns := strings.Split(n, "/")
	a, _ := strconv.Atoi(strings.TrimSpace(xs[0]))
	b, _ := strconv.Atoi(strings.TrimSpace(xs[1]))
	c, _ := strconv.Atoi(strings.TrimSpace(ns[0]))
	d, _ := strconv.Atoi(strings.TrimSpace(ns[1]))
	return (a*c)%(b*d) == 0
}
