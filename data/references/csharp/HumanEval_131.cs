using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

class Problem {
    public static long Digits(long n) {
        long product = 1;
        int oddCount = 0;
        foreach (char ch in n.ToString(CultureInfo.InvariantCulture)) {
            int digit = ch - '0';
            if (digit % 2 == 1) {
                product *= digit;
                oddCount++;
            }
        }
        return oddCount == 0 ? 0 : product;
    }
}
