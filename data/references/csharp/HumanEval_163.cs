using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> GenerateIntegers(long a, long b) {
        long lower = Math.Max(2, Math.Min(a, b));
        long upper = Math.Min(8, Math.Max(a, b));
        List<long> result = new List<long>();
        for (long i = lower; i <= upper; i++) {
            if (i % 2 == 0) {
                result.Add(i);
            }
        }
        return result;
    }
}
