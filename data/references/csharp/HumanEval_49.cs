using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long Modp(long n, long p) {
        long ret = 1;
        for (long i = 0; i < n; i++) {
            ret = (2 * ret) % p;
        }
        return ret;
    }
}
