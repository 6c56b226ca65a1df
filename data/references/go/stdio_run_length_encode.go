package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func encode(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] == s[i] {
			j++
		}
		sb.WriteByte(s[i])
		if j-i > 1 {
			sb.WriteString(strconv.Itoa(j - i))
		}
		i = j
	}
	return sb.String()
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var t int
	fmt.Fscan(in, &t)
	for ; t > 0; t-- {
		var w string
		fmt.Fscan(in, &w)
		fmt.Println(encode(w))
	}
}
