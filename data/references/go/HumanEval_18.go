package main

func HowManyTimes(string string, substring string) int {
	times := 0
	for i := 0; i < len(string)-len(substring)+1; i++ {
		if string[i:i+len(substring)] == substring {
			times++
		}
	}
	return times
}
