using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> MinPath(List<List<long>> grid, long k) {
        int n = grid.Count;
        long val = (long)n * n + 1;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (grid[i][j] == 1) {
                    List<long> neighbours = new List<long>();
                    if (i != 0) {
                        neighbours.Add(grid[i - 1][j]);
                    }
                    if (j != 0) {
                        neighbours.Add(grid[i][j - 1]);
                    }
                    if (i != n - 1) {
                        neighbours.Add(grid[i + 1][j]);
                    }
                    if (j != n - 1) {
                        neighbours.Add(grid[i][j + 1]);
                    }
                    val = neighbours.Min();
                }
            }
        }
        List<long> ans = new List<long>();
        for (long i = 0; i < k; i++) {
            ans.Add(i % 2 == 0 ? 1 : val);
        }
        return ans;
    }
}
