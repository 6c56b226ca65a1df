package main

import (
	"bufio"
	"fmt"
	"os"
)

// depth returns the maximum nesting depth, or -1 when s is not balanced.
func depth(s string) int {
	stack := []byte{}
	best := 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch == '(' || ch == '[' {
			stack = append(stack, ch)
			if len(stack) > best {
				best = len(stack)
			}
			continue
		}
		open := byte('(')
		if ch == ']' {
			open = '['
		}
		if len(stack) == 0 || stack[len(stack)-1] != open {
			return -1
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) != 0 {
		return -1
	}
	return best
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var t int
	fmt.Fscan(in, &t)
	for ; t > 0; t-- {
		var s string
		fmt.Fscan(in, &s)
		if d := depth(s); d < 0 {
			fmt.Println("NO")
		} else {
			fmt.Println("YES", d)
		}
	}
}
