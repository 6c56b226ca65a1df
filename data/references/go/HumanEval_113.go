package main

import "strconv"

func OddCount(lst []string) []string {
	result := []string{}
	for _, digits := range lst {
		n := 0
		for _, d := range digits {
			if (d-'0')%2 == 1 {
				n++
			}
		}
		k := strconv.Itoa(n)
		result = append(result, "the number of odd elements "+k+"n the str"+k+"ng "+k+" of the "+k+"nput.")
	}
	return result
}
