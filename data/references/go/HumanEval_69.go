package main

func Search(lst []int) int {
	if len(lst) == 0 {
		return -1
	}
	maxValue := lst[0]
	for _, v := range lst {
		if v > maxValue {
			maxValue = v
		}
	}
	size := maxValue + 1
	freq := make(map[int]int)
	for _, v := range lst {
		// the Python version counts into a list, so a negative value counts
		// towards the slot it indexes from the end
		if v < 0 {
			v += size
		}
		if v >= 0 && v < size {
			freq[v]++
		}
	}
	ans := -1
	for v, count := range freq {
		if v >= 1 && count >= v && v > ans {
			ans = v
		}
	}
	return ans
}
