package main

func Intersection(interval1 [2]int, interval2 [2]int) string {
	l := interval1[0]
	if interval2[0] > l {
		l = interval2[0]
	}
	r := interval1[1]
	if interval2[1] < r {
		r = interval2[1]
	}
	length := r - l
	if length < 2 {
		return "NO"
	}
	for d := 2; d*d <= length; d++ {
		if length%d == 0 {
			return "NO"
		}
	}
	return "YES"
}
