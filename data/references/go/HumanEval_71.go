package main

import (
	"math"
	"strconv"
)

func TriangleArea(a int, b int, c int) float64 {
	if a+b <= c || a+c <= b || b+c <= a {
		return -1
	}
	s := float64(a+b+c) / 2
	area := math.Sqrt(s * (s - float64(a)) * (s - float64(b)) * (s - float64(c)))
	// round to 2 decimals the way Python's round() does (on the exact binary value)
	rounded, _ := strconv.ParseFloat(strconv.FormatFloat(area, 'f', 2, 64), 64)
	return rounded
}
