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
		var x int64
		fmt.Fscan(in, &x)
		steps, peak := 0, x
		for x != 1 {
			if x%2 == 0 {
				x /= 2
			} else {
				x = 3*x + 1
			}
			if x > peak {
				peak = x
			}
			steps++
		}
		fmt.Println(steps, peak)
	}
}
