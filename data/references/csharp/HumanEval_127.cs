using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    private static bool IsPrime(long num) {
        if (num < 2) {
            return false;
        }
        for (long i = 2; i * i <= num; i++) {
            if (num % i == 0) {
                return false;
            }
        }
        return true;
    }

    public static string Intersection((long, long) interval1, (long, long) interval2) {
        long left = Math.Max(interval1.Item1, interval2.Item1);
        long right = Math.Min(interval1.Item2, interval2.Item2);
        long length = right - left;
        if (length > 0 && IsPrime(length)) {
            return "YES";
        }
        return "NO";
    }
}
