package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var r, c int
	fmt.Fscan(in, &r, &c)
	m := make([][]string, r)
	for i := range m {
		m[i] = make([]string, c)
		for j := range m[i] {
			fmt.Fscan(in, &m[i][j])
		}
	}
	for j := 0; j < c; j++ {
		col := make([]string, r)
		for i := 0; i < r; i++ {
			col[i] = m[i][j]
		}
		fmt.Fprintln(out, strings.Join(col, " "))
	}
}
