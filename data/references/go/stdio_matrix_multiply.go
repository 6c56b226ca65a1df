package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func readMatrix(in *bufio.Reader, rows, cols int) [][]int64 {
	m := make([][]int64, rows)
	for i := range m {
		m[i] = make([]int64, cols)
		for j := range m[i] {
			fmt.Fscan(in, &m[i][j])
		}
	}
	return m
}

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var n, m, p int
	fmt.Fscan(in, &n, &m, &p)
	a := readMatrix(in, n, m)
	b := readMatrix(in, m, p)
	for i := 0; i < n; i++ {
		row := make([]string, p)
		for j := 0; j < p; j++ {
			var s int64
			for k := 0; k < m; k++ {
				s += a[i][k] * b[k][j]
			}
			row[j] = strconv.FormatInt(s, 10)
		}
		fmt.Fprintln(out, strings.Join(row, " "))
	}
}
