package main

import "strconv"

func Solve(N int) string {
	digitSum := 0
	for _, c := range strconv.Itoa(N) {
		if c >= '0' && c <= '9' {
			digitSum += int(c - '0')
		}
	}
	return strconv.FormatInt(int64(digitSum), 2)
}
