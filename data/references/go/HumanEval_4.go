package main

import "math"

func MeanAbsoluteDeviation(numbers []float64) float64 {
	sum := 0.0
	for _, x := range numbers {
		sum += x
	}
	mean := sum / float64(len(numbers))
	total := 0.0
	for _, x := range numbers {
		total += math.Abs(x - mean)
	}
	return total / float64(len(numbers))
}
