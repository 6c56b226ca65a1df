package main

func Digits(n int) int {
	if n < 0 {
		n = -n
	}
	product := 1
	oddCount := 0
	for {
		d := n % 10
		if d%2 == 1 {
			product *= d
			oddCount++
		}
		n /= 10
		if n == 0 {
			break
		}
	}
	if oddCount == 0 {
		return 0
	}
	return product
}
