using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    static bool IsPalindrome(long n) {
        string s = n.ToString();
        char[] reversed = s.ToCharArray();
        Array.Reverse(reversed);
        return s == new string(reversed);
    }

    public static (long, long) EvenOddPalindrome(long n) {
        long evenCount = 0;
        long oddCount = 0;
        for (long i = 1; i <= n; i++) {
            if (!IsPalindrome(i)) {
                continue;
            }
            if (i % 2 == 0) {
                evenCount++;
            } else {
                oddCount++;
            }
        }
        return (evenCount, oddCount);
    }
}
