package main

import "math"

func MaxFill(grid [][]int, capacity int) int {
	total := 0
	for _, row := range grid {
		water := 0
		for _, cell := range row {
			water += cell
		}
		total += int(math.Ceil(float64(water) / float64(capacity)))
	}
	return total
}
