package main

import "strconv"

func FizzBuzz(n int) int {
	s := ""
	for i := 0; i < n; i++ {
		if i%11 == 0 || i%13 == 0 {
			s += strconv.Itoa(i)
		}
	}
	ans := 0
	for _, c := range s {
		if c == '7' {
			ans++
		}
	}
	return ans
}
