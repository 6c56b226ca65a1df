using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long SpecialFactorial(long n) {
        long factorial = 1;
        long special = 1;
        for (long i = 1; i <= n; i++) {
            factorial *= i;
            special *= factorial;
        }
        return special;
    }
}
