using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool IsEqualToSumEven(long n) {
        return n % 2 == 0 && n >= 8;
    }
}
