package main

func Intersperse(numbers []int, delimeter int) []int {
	if len(numbers) == 0 {
		return []int{}
	}
	result := []int{}
	for i := 0; i < len(numbers)-1; i++ {
		result = append(result, numbers[i])
		result = append(result, delimeter)
	}
	result = append(result, numbers[len(numbers)-1])
	return result
}
