package main

func Multiply(a int, b int) int {
	return unitDigitMultiply(a) * unitDigitMultiply(b)
}

// Python's a % 10 is always in [0, 9], even for negative a
func unitDigitMultiply(a int) int {
	d := a % 10
	if d < 0 {
		d += 10
	}
	return d
}
