using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<List<long>> TransposeGrid(List<List<long>> grid) {
        List<List<long>> result = new List<List<long>>();
        if (grid.Count == 0 || grid[0].Count == 0) {
            return result;
        }
        for (int c = 0; c < grid[0].Count; c++) {
            List<long> column = new List<long>();
            for (int r = 0; r < grid.Count; r++) {
                column.Add(grid[r][c]);
            }
            result.Add(column);
        }
        return result;
    }
}
