package main

func Derivative(xs []int) []int {
	result := []int{}
	for i := 1; i < len(xs); i++ {
		result = append(result, i*xs[i])
	}
	return result
}
