package main

func MinPath(grid [][]int, k int) []int {
	n := len(grid)
	val := n*n + 1
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if grid[i][j] != 1 {
				continue
			}
			neighbours := []int{}
			if i != 0 {
				neighbours = append(neighbours, grid[i-1][j])
			}
			if j != 0 {
				neighbours = append(neighbours, grid[i][j-1])
			}
			if i != n-1 {
				neighbours = append(neighbours, grid[i+1][j])
			}
			if j != n-1 {
				neighbours = append(neighbours, grid[i][j+1])
			}
			val = neighbours[0]
			for _, v := range neighbours {
				if v < val {
					val = v
				}
			}
		}
	}
	path := []int{}
	for i := 0; i < k; i++ {
		if i%2 == 0 {
			path = append(path, 1)
		} else {
			path = append(path, val)
		}
	}
	return path
}
