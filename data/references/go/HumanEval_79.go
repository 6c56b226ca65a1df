package main

import "strconv"

func DecimalToBinary(decimal int) string {
	digits := strconv.FormatInt(int64(decimal), 2)
	if decimal < 0 {
		// Python's bin(-5)[2:] is "b101": the slice cuts "-0" and keeps the "b"
		digits = "b" + digits[1:]
	}
	return "db" + digits + "db"
}
