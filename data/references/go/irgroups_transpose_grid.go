package main

func TransposeGrid(grid [][]int) [][]int {
	result := [][]int{}
	if len(grid) == 0 || len(grid[0]) == 0 {
		return result
	}
	for c := 0; c < len(grid[0]); c++ {
		column := []int{}
		for r := 0; r < len(grid); r++ {
			column = append(column, grid[r][c])
		}
		result = append(result, column)
	}
	return result
}
