package main

import "math"

func HasCloseElements(numbers []float64, threshold float64) bool {
	for i := 0; i < len(numbers); i++ {
		for j := 0; j < len(numbers); j++ {
			if i != j {
				distance := math.Abs(numbers[i] - numbers[j])
				if distance < threshold {
					return true
				}
			}
		}
	}
	return false
}
