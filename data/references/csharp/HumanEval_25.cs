using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> Factorize(long n) {
        List<long> fact = new List<long>();
        long i = 2;
        while (i <= (long)(Math.Sqrt(n) + 1)) {
            if (n % i == 0) {
                fact.Add(i);
                n /= i;
            } else {
                i += 1;
            }
        }
        if (n > 1) {
            fact.Add(n);
        }
        return fact;
    }
}
