package main

func LargestSmallestIntegers(lst []int) (*int, *int) {
	var largestNegative, smallestPositive *int
	for _, x := range lst {
		x := x
		if x < 0 && (largestNegative == nil || x > *largestNegative) {
			largestNegative = &x
		}
		if x > 0 && (smallestPositive == nil || x < *smallestPositive) {
			smallestPositive = &x
		}
	}
	return largestNegative, smallestPositive
}
