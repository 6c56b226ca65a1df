package main

func EvenOddCount(num int) (int, int) {
	if num < 0 {
		num = -num
	}
	even, odd := 0, 0
	for {
		if num%10%2 == 0 {
			even++
		} else {
			odd++
		}
		num /= 10
		if num == 0 {
			break
		}
	}
	return even, odd
}
