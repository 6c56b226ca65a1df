using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long? NextSmallest(List<long> lst) {
        var distinct = lst.Distinct().OrderBy(v => v).ToList();
        if (distinct.Count < 2) {
            return null;
        }
        return distinct[1];
    }
}
