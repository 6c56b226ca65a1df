package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	nums := make([]int64, n)
	for i := range nums {
		fmt.Fscan(in, &nums[i])
	}
	sort.Slice(nums, func(i, j int) bool { return nums[i] < nums[j] })
	parts := make([]string, n)
	for i, x := range nums {
		parts[i] = strconv.FormatInt(x, 10)
	}
	fmt.Println(strings.Join(parts, " "))
	if n%2 == 1 {
		fmt.Println(nums[n/2])
		return
	}
	s := nums[n/2-1] + nums[n/2]
	if s%2 == 0 {
		fmt.Println(s / 2)
	} else {
		fmt.Printf("%.1f\n", float64(s)/2)
	}
}
