package main

func IncrList(l []int) []int {
	result := []int{}
	for _, e := range l {
		result = append(result, e+1)
	}
	return result
}
