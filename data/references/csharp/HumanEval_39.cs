using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    private static bool IsPrime(long p) {
        if (p < 2) {
            return false;
        }
        long limit = Math.Min((long)Math.Sqrt(p) + 1, p - 1);
        for (long k = 2; k < limit; k++) {
            if (p % k == 0) {
                return false;
            }
        }
        return true;
    }

    public static long PrimeFib(long n) {
        long a = 0;
        long b = 1;
        while (true) {
            long next = a + b;
            a = b;
            b = next;
            if (IsPrime(b)) {
                n -= 1;
            }
            if (n == 0) {
                return b;
            }
        }
    }
}
