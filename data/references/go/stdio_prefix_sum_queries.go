package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var n int
	fmt.Fscan(in, &n)
	prefix := make([]int64, n+1)
	for i := 0; i < n; i++ {
		var x int64
		fmt.Fscan(in, &x)
		prefix[i+1] = prefix[i] + x
	}
	var q int
	fmt.Fscan(in, &q)
	for ; q > 0; q-- {
		var l, r int
		fmt.Fscan(in, &l, &r)
		if l > r {
			l, r = r, l
		}
		fmt.Fprintln(out, prefix[r]-prefix[l-1])
	}
}
