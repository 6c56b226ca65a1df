using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long Solution(List<long> lst) {
        long sum = 0;
        for (int i = 0; i < lst.Count; i += 2) {
            if (lst[i] % 2 != 0) {
                sum += lst[i];
            }
        }
        return sum;
    }
}
