using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

class Problem {
    private static bool IsOddDigit(char ch) {
        return "13579".IndexOf(ch) >= 0;
    }

    public static long SpecialFilter(List<long> nums) {
        long count = 0;
        foreach (long num in nums) {
            if (num > 10) {
                string s = num.ToString(CultureInfo.InvariantCulture);
                if (IsOddDigit(s[0]) && IsOddDigit(s[s.Length - 1])) {
                    count++;
                }
            }
        }
        return count;
    }
}
