package main

func FizzBuzz(n int) int {
	count := 0
	for i := 0; i < n; i++ {
		if i%11 == 0 || i%13 == 0 {
			for x := i; x > 0; x /= 10 {
				if x%10 == 7 {
					count++
				}
			}
		}
	}
	return count
}
