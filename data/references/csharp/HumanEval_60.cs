using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long SumToN(long n) {
        long total = 0;
        for (long i = 1; i <= n; i++) {
            total += i;
        }
        return total;
    }
}
