package main

import "math"

func FindClosestElements(numbers []float64) (float64, float64) {
	first, second := 0.0, 0.0
	distance := 0.0
	found := false
	for i := 0; i < len(numbers); i++ {
		for j := 0; j < len(numbers); j++ {
			if i != j {
				newDistance := math.Abs(numbers[i] - numbers[j])
				if !found || newDistance < distance {
					found = true
					distance = newDistance
					if numbers[i] < numbers[j] {
						first, second = numbers[i], numbers[j]
					} else {
						first, second = numbers[j], numbers[i]
					}
				}
			}
		}
	}
	return first, second
}
