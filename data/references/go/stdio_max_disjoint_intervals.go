package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

type interval struct{ l, r int }

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	iv := make([]interval, n)
	for i := range iv {
		var a, b int
		fmt.Fscan(in, &a, &b)
		if a > b {
			a, b = b, a
		}
		iv[i] = interval{a, b}
	}
	sort.Slice(iv, func(i, j int) bool {
		if iv[i].r != iv[j].r {
			return iv[i].r < iv[j].r
		}
		return iv[i].l < iv[j].l
	})
	count := 0
	lastEnd := -1
	for _, x := range iv {
		if count == 0 || x.l > lastEnd {
			count++
			lastEnd = x.r
		}
	}
	fmt.Println(count)
}
