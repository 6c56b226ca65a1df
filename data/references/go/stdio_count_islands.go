package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	var r, c int
	fmt.Fscan(in, &r, &c)
	grid := make([][]byte, r)
	for i := range grid {
		var row string
		fmt.Fscan(in, &row)
		grid[i] = []byte(row)
	}
	dirs := [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}
	islands := 0
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if grid[i][j] != '#' {
				continue
			}
			islands++
			grid[i][j] = '.'
			stack := [][2]int{{i, j}}
			for len(stack) > 0 {
				cur := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for _, d := range dirs {
					ny, nx := cur[0]+d[0], cur[1]+d[1]
					if ny >= 0 && ny < r && nx >= 0 && nx < c && grid[ny][nx] == '#' {
						grid[ny][nx] = '.'
						stack = append(stack, [2]int{ny, nx})
					}
				}
			}
		}
	}
	fmt.Println(islands)
}
