package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	var budget int64
	fmt.Fscan(in, &n, &budget)
	nums := make([]int64, n)
	for i := range nums {
		fmt.Fscan(in, &nums[i])
	}
	best, left := 0, 0
	var window int64
	for right := 0; right < n; right++ {
		window += nums[right]
		for window > budget {
			window -= nums[left]
			left++
		}
		if right-left+1 > best {
			best = right - left + 1
		}
	}
	fmt.Println(best)
}
