using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long Fibfib(long n) {
        if (n < 2) {
            return 0;
        }
        long a = 0;
        long b = 0;
        long c = 1;
        for (long i = 2; i < n; i++) {
            long next = a + b + c;
            a = b;
            b = c;
            c = next;
        }
        return c;
    }
}
