using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

class Problem {
    public static (long, long) EvenOddCount(long num) {
        long even = 0;
        long odd = 0;
        foreach (char ch in Math.Abs(num).ToString(CultureInfo.InvariantCulture)) {
            if ((ch - '0') % 2 == 0) {
                even++;
            } else {
                odd++;
            }
        }
        return (even, odd);
    }
}
