package main

import "strconv"

func EvenOddPalindrome(n int) (int, int) {
	evenCount, oddCount := 0, 0
	for i := 1; i <= n; i++ {
		if !isPalindromeNumber(i) {
			continue
		}
		if i%2 == 0 {
			evenCount++
		} else {
			oddCount++
		}
	}
	return evenCount, oddCount
}

func isPalindromeNumber(n int) bool {
	s := strconv.Itoa(n)
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		if s[i] != s[j] {
			return false
		}
	}
	return true
}
