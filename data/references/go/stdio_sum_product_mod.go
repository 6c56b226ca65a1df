package main

import (
	"bufio"
	"fmt"
	"os"
)

const mod = 1_000_000_007

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	var total int64
	product := int64(1)
	for i := 0; i < n; i++ {
		var x int64
		fmt.Fscan(in, &x)
		total += x
		r := x % mod
		if r < 0 {
			r += mod
		}
		product = product * r % mod
	}
	fmt.Println(total)
	fmt.Println(product)
}
