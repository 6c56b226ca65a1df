using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool IsSorted(List<long> lst) {
        Dictionary<long, int> counts = new Dictionary<long, int>();
        foreach (long x in lst) {
            counts[x] = counts.ContainsKey(x) ? counts[x] + 1 : 1;
        }
        if (counts.Values.Any(c => c > 2)) {
            return false;
        }
        for (int i = 1; i < lst.Count; i++) {
            if (lst[i - 1] > lst[i]) {
                return false;
            }
        }
        return true;
    }
}
