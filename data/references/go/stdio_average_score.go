package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	scores := make([]float64, n)
	total := 0.0
	for i := range scores {
		fmt.Fscan(in, &scores[i])
		total += scores[i]
	}
	avg := total / float64(n)
	above := 0
	for _, s := range scores {
		if s > avg {
			above++
		}
	}
	fmt.Printf("%.6f\n", avg)
	fmt.Println(above)
}
