package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	data, _ := io.ReadAll(os.Stdin)
	words := strings.Fields(string(data))[1:]
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	best := ""
	for w, c := range counts {
		if best == "" || c > counts[best] || (c == counts[best] && w < best) {
			best = w
		}
	}
	fmt.Println(best, counts[best])
	fmt.Println(len(counts))
}
