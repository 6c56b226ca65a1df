using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long Fib(long n) {
        long a = 0;
        long b = 1;
        for (long i = 0; i < n; i++) {
            long next = a + b;
            a = b;
            b = next;
        }
        return a;
    }
}
