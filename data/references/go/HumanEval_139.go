package main

func SpecialFactorial(n int) int {
	factorial := 1
	result := 1
	for i := 1; i <= n; i++ {
		factorial *= i
		result *= factorial
	}
	return result
}
