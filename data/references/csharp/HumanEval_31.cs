using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool IsPrime(long n) {
        if (n < 2) {
            return false;
        }
        for (long k = 2; k < n - 1; k++) {
            if (n % k == 0) {
                return false;
            }
        }
        return true;
    }
}
