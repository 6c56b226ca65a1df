package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var t int
	fmt.Fscan(in, &t)
	for ; t > 0; t-- {
		var n int
		fmt.Fscan(in, &n)
		nums := make([]int64, n)
		for i := range nums {
			fmt.Fscan(in, &nums[i])
		}
		best, cur := nums[0], nums[0]
		for _, x := range nums[1:] {
			if cur+x > x {
				cur += x
			} else {
				cur = x
			}
			if cur > best {
				best = cur
			}
		}
		fmt.Println(best)
	}
}
