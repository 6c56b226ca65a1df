using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long DigitSum(string s) {
        long total = 0;
        foreach (char c in s) {
            if (char.IsUpper(c)) {
                total += c;
            }
        }
        return total;
    }
}
