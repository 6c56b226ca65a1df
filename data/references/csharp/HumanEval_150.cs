using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long XOrY(long n, long x, long y) {
        if (n == 1) {
            return y;
        }
        for (long i = 2; i * i <= n; i++) {
            if (n % i == 0) {
                return y;
            }
        }
        return x;
    }
}
