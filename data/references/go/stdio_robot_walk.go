package main

import (
	"bufio"
	"fmt"
	"os"
)

type point struct{ x, y int }

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var path string
	fmt.Fscan(in, &path)
	moves := map[rune]point{'U': {0, 1}, 'D': {0, -1}, 'L': {-1, 0}, 'R': {1, 0}}
	pos := point{0, 0}
	visited := map[point]bool{pos: true}
	farthest := 0
	for _, ch := range path {
		d := moves[ch]
		pos = point{pos.x + d.x, pos.y + d.y}
		visited[pos] = true
		if dist := abs(pos.x) + abs(pos.y); dist > farthest {
			farthest = dist
		}
	}
	fmt.Println(pos.x, pos.y)
	fmt.Println(len(visited))
	fmt.Println(farthest)
}
