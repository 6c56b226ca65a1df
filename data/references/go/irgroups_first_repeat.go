package main

func FirstRepeat(values []int) *int {
	for j := 0; j < len(values); j++ {
		for i := 0; i < j; i++ {
			if values[i] == values[j] {
				result := values[j]
				return &result
			}
		}
	}
	return nil
}
