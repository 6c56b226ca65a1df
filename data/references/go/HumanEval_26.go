package main

func RemoveDuplicates(numbers []int) []int {
	counts := map[int]int{}
	for _, n := range numbers {
		counts[n]++
	}
	result := []int{}
	for _, n := range numbers {
		if counts[n] <= 1 {
			result = append(result, n)
		}
	}
	return result
}
