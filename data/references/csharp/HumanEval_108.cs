using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    // Digit sum where a negative number's leading digit counts as negative: -123 -> -1 + 2 + 3.
    static long SignedDigitSum(long n) {
        string digits = Math.Abs(n).ToString();
        long sum = digits.Sum(c => (long)(c - '0'));
        if (n < 0) {
            sum -= 2 * (digits[0] - '0');
        }
        return sum;
    }

    public static long CountNums(List<long> arr) {
        return arr.Count(v => SignedDigitSum(v) > 0);
    }
}
