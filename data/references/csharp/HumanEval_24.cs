using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long LargestDivisor(long n) {
        for (long i = n - 1; i >= 0; i--) {
            if (n % i == 0) {
                return i;
            }
        }
        throw new InvalidOperationException("no divisor found");
    }
}
