using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool IsSimplePower(long x, long n) {
        if (n == 1) {
            return x == 1;
        }
        long power = 1;
        while (power < x) {
            if (n > 1 && power > x / n) {
                return false;
            }
            power *= n;
        }
        return power == x;
    }
}
