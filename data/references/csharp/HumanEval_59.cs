using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long LargestPrimeFactor(long n) {
        long largest = 1;
        long rest = n;
        for (long p = 2; p * p <= rest; p++) {
            while (rest % p == 0) {
                largest = p;
                rest /= p;
            }
        }
        if (rest > 1) {
            largest = Math.Max(largest, rest);
        }
        return largest;
    }
}
