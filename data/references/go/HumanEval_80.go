package main

func IsHappy(s string) bool {
	r := []rune(s)
	if len(r) < 3 {
		return false
	}
	for i := 0; i+2 < len(r); i++ {
		if r[i] == r[i+1] || r[i+1] == r[i+2] || r[i] == r[i+2] {
			return false
		}
	}
	return true
}
