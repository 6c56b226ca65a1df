using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string Solve(long N) {
        long digitSum = 0;
        foreach (char c in N.ToString()) {
            digitSum += c - '0';
        }
        return Convert.ToString(digitSum, 2);
    }
}
