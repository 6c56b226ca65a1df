using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<(long, long)> GetRow(List<List<long>> lst, long x) {
        var coords = new List<(long, long)>();
        for (int i = 0; i < lst.Count; i++) {
            for (int j = lst[i].Count - 1; j >= 0; j--) {
                if (lst[i][j] == x) {
                    coords.Add((i, j));
                }
            }
        }
        return coords;
    }
}
