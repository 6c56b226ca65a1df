package main

func RollingMax(numbers []int) []int {
	result := []int{}
	runningMax := 0
	for i, n := range numbers {
		if i == 0 {
			runningMax = n
		} else if n > runningMax {
			runningMax = n
		}
		result = append(result, runningMax)
	}
	return result
}
