using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> SortedListSum(List<string> lst) {
        return lst.Where(s => s.Length % 2 == 0)
                  .OrderBy(s => s.Length)
                  .ThenBy(s => s, StringComparer.Ordinal)
                  .ToList();
    }
}
