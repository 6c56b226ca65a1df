package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var n int
	fmt.Fscan(in, &n)
	nums := make([]int, n)
	for i := range nums {
		fmt.Fscan(in, &nums[i])
	}
	sort.Ints(nums)
	var q int
	fmt.Fscan(in, &q)
	for ; q > 0; q-- {
		var x int
		fmt.Fscan(in, &x)
		le := sort.Search(n, func(i int) bool { return nums[i] > x })
		lt := sort.SearchInts(nums, x)
		fmt.Fprintln(out, le, le-lt)
	}
}
