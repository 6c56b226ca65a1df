package main

import "math"

func PathLength(xs []float64, ys []float64) float64 {
	total := 0.0
	for i := 1; i < len(xs); i++ {
		dx := xs[i] - xs[i-1]
		dy := ys[i] - ys[i-1]
		total += math.Sqrt(dx*dx + dy*dy)
	}
	return total
}
