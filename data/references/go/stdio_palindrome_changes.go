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
		var w string
		fmt.Fscan(in, &w)
		n := len(w)
		changes := 0
		for i := 0; i < n/2; i++ {
			if w[i] != w[n-1-i] {
				changes++
			}
		}
		if changes == 0 {
			fmt.Println("YES")
		} else {
			fmt.Println(changes)
		}
	}
}
