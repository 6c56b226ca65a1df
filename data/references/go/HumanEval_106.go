package main

func F(n int) []int {
	result := []int{}
	for i := 1; i <= n; i++ {
		if i%2 == 0 {
			x := 1
			for j := 1; j <= i; j++ {
				x *= j
			}
			result = append(result, x)
		} else {
			x := 0
			for j := 1; j <= i; j++ {
				x += j
			}
			result = append(result, x)
		}
	}
	return result
}
