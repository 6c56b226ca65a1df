using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long StartsOneEnds(long n) {
        if (n == 1) {
            return 1;
        }
        long count = 18;
        for (long i = 2; i < n; i++) {
            count *= 10;
        }
        return count;
    }
}
