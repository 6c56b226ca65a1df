package main

func LongestRise(nums []int) (int, int) {
	if len(nums) == 0 {
		return 0, 0
	}
	bestStart := 0
	bestLen := 1
	start := 0
	for i := 1; i < len(nums); i++ {
		if nums[i] <= nums[i-1] {
			start = i
		}
		if i-start+1 > bestLen {
			bestLen = i - start + 1
			bestStart = start
		}
	}
	return bestStart, bestLen
}
