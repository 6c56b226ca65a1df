package main

func NextSmallest(lst []int) *int {
	var smallest, second *int
	for i := range lst {
		v := lst[i]
		if smallest == nil || v < *smallest {
			second = smallest
			smallest = &v
		} else if v != *smallest && (second == nil || v < *second) {
			second = &v
		}
	}
	return second
}
