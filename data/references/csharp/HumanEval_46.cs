using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long Fib4(long n) {
        List<long> results = new List<long> { 0, 0, 2, 0 };
        if (n < 4) {
            return results[(int)n];
        }
        for (long i = 4; i < n + 1; i++) {
            results.Add(results[3] + results[2] + results[1] + results[0]);
            results.RemoveAt(0);
        }
        return results[3];
    }
}
