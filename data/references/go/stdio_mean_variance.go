package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	xs := make([]float64, n)
	total := 0.0
	for i := range xs {
		fmt.Fscan(in, &xs[i])
		total += xs[i]
	}
	mean := total / float64(n)
	sq := 0.0
	for _, x := range xs {
		sq += (x - mean) * (x - mean)
	}
	variance := sq / float64(n)
	fmt.Printf("%.6f\n", mean)
	fmt.Printf("%.6f\n", variance)
	fmt.Printf("%.6f\n", math.Sqrt(variance))
}
