using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long GreatestCommonDivisor(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
