using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> F(long n) {
        var result = new List<long>();
        for (long i = 1; i <= n; i++) {
            if (i % 2 == 0) {
                long factorial = 1;
                for (long j = 1; j <= i; j++) {
                    factorial *= j;
                }
                result.Add(factorial);
            } else {
                result.Add(i * (i + 1) / 2);
            }
        }
        return result;
    }
}
