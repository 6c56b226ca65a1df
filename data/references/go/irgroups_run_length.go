package main

func RunLength(nums []int) [][2]int {
	result := [][2]int{}
	i := 0
	for i < len(nums) {
		j := i
		for j < len(nums) && nums[j] == nums[i] {
			j++
		}
		result = append(result, [2]int{nums[i], j - i})
		i = j
	}
	return result
}
