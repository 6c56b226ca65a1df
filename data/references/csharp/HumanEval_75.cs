using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool IsMultiplyPrime(long a) {
        // True when a is a product of exactly three primes, each at most 100.
        if (a < 8) {
            return false;
        }
        long rest = a;
        int factors = 0;
        for (long p = 2; p <= 100; p++) {
            while (rest % p == 0) {
                rest /= p;
                factors++;
            }
        }
        return rest == 1 && factors == 3;
    }
}
