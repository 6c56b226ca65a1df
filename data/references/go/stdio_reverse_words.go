package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

func main() {
	data, _ := io.ReadAll(os.Stdin)
	lines := strings.Split(string(data), "\n")
	t, _ := strconv.Atoi(strings.TrimSpace(lines[0]))
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for i := 1; i <= t; i++ {
		words := strings.Fields(lines[i])
		for l, r := 0, len(words)-1; l < r; l, r = l+1, r-1 {
			words[l], words[r] = words[r], words[l]
		}
		fmt.Fprintln(out, strings.Join(words, " "))
	}
}
