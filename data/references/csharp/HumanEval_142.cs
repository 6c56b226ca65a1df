using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long SumSquares(List<long> lst) {
        long sum = 0;
        for (int i = 0; i < lst.Count; i++) {
            long x = lst[i];
            if (i % 3 == 0) {
                sum += x * x;
            } else if (i % 4 == 0) {
                sum += x * x * x;
            } else {
                sum += x;
            }
        }
        return sum;
    }
}
