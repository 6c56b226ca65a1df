using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long MaxFill(List<List<long>> grid, long capacity) {
        long total = 0;
        foreach (List<long> row in grid) {
            long water = row.Sum();
            total += (long)Math.Ceiling((double)water / capacity);
        }
        return total;
    }
}
