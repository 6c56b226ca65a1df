package main

import (
	"bufio"
	"fmt"
	"os"
)

const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

func toBase(x int64, b uint64) string {
	if x == 0 {
		return "0"
	}
	neg := x < 0
	v := uint64(x)
	if neg {
		v = uint64(-x)
	}
	var buf []byte
	for v > 0 {
		buf = append(buf, digits[v%b])
		v /= b
	}
	if neg {
		buf = append(buf, '-')
	}
	for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	return string(buf)
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var t int
	fmt.Fscan(in, &t)
	for ; t > 0; t-- {
		var x int64
		var b uint64
		fmt.Fscan(in, &x, &b)
		fmt.Println(toBase(x, b))
	}
}
