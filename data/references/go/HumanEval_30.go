package main

func GetPositive(l []int) []int {
	result := []int{}
	for _, e := range l {
		if e > 0 {
			result = append(result, e)
		}
	}
	return result
}
