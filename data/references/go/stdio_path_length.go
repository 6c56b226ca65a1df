package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
)

type point struct{ x, y int64 }

func dist(a, b point) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	return math.Sqrt(float64(dx*dx + dy*dy))
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(in, &n)
	pts := make([]point, n)
	for i := range pts {
		fmt.Fscan(in, &pts[i].x, &pts[i].y)
	}
	total := 0.0
	for i := 1; i < n; i++ {
		total += dist(pts[i-1], pts[i])
	}
	fmt.Printf("%.6f\n", total)
	fmt.Printf("%.6f\n", dist(pts[0], pts[n-1]))
}
