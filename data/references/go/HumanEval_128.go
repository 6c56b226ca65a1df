package main

func ProdSigns(arr []int) *int {
	if len(arr) == 0 {
		return nil
	}
	sign := 1
	total := 0
	for _, x := range arr {
		if x == 0 {
			sign = 0
		} else if x < 0 {
			sign = -sign
			total -= x
		} else {
			total += x
		}
	}
	result := sign * total
	return &result
}
