package main

func isPalindromeString(s string) bool {
	for i := 0; i < len(s)/2; i++ {
		if s[i] != s[len(s)-1-i] {
			return false
		}
	}
	return true
}

func reverseString(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func MakePalindrome(string string) string {
	if len(string) == 0 {
		return ""
	}
	beginningOfSuffix := 0
	for !isPalindromeString(string[beginningOfSuffix:]) {
		beginningOfSuffix++
	}
	return string + reverseString(string[:beginningOfSuffix])
}
