package main

import (
	"bufio"
	"fmt"
	"os"
)

func floorDivMod(a, b int64) (int64, int64) {
	q, r := a/b, a%b
	if r != 0 && (r < 0) != (b < 0) {
		q--
		r += b
	}
	return q, r
}

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var t int
	fmt.Fscan(in, &t)
	for i := 0; i < t; i++ {
		var a, b int64
		fmt.Fscan(in, &a, &b)
		if b == 0 {
			fmt.Fprintln(out, "undefined")
			continue
		}
		q, r := floorDivMod(a, b)
		fmt.Fprintln(out, q, r)
	}
}
