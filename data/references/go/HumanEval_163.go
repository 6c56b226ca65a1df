package main

func GenerateIntegers(a int, b int) []int {
	lower, upper := a, b
	if lower > upper {
		lower, upper = upper, lower
	}
	if lower < 2 {
		lower = 2
	}
	if upper > 8 {
		upper = 8
	}
	result := []int{}
	for i := lower; i <= upper; i++ {
		if i%2 == 0 {
			result = append(result, i)
		}
	}
	return result
}
