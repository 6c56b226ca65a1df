using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    // Like the Python original, 1 counts as prime here; only values above 0 are ever tested.
    static bool IsPrime(long n) {
        long limit = (long)Math.Pow(n, 0.5);
        for (long i = 2; i <= limit; i++) {
            if (n % i == 0) {
                return false;
            }
        }
        return true;
    }

    public static long Skjkasdkd(List<long> lst) {
        long largest = 0;
        foreach (long v in lst) {
            if (v > largest && IsPrime(v)) {
                largest = v;
            }
        }
        long digitSum = 0;
        foreach (char c in largest.ToString()) {
            digitSum += c - '0';
        }
        return digitSum;
    }
}
