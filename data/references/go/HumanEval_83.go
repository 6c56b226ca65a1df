package main

func StartsOneEnds(n int) int {
	if n == 1 {
		return 1
	}
	count := 18
	for i := 2; i < n; i++ {
		count *= 10
	}
	return count
}
