using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long Add(List<long> lst) {
        long total = 0;
        for (int i = 1; i < lst.Count; i += 2) {
            if (lst[i] % 2 == 0) {
                total += lst[i];
            }
        }
        return total;
    }
}
