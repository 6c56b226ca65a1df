package main

func Skjkasdkd(lst []int) int {
	largest := 0
	for _, v := range lst {
		if v > largest && isPrimeSkjkasdkd(v) {
			largest = v
		}
	}
	sum := 0
	for largest > 0 {
		sum += largest % 10
		largest /= 10
	}
	return sum
}

// like the Python helper, 1 counts as prime here
func isPrimeSkjkasdkd(n int) bool {
	for i := 2; i*i <= n; i++ {
		if n%i == 0 {
			return false
		}
	}
	return true
}
