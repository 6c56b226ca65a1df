using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long SumSquares(List<double> lst) {
        long squared = 0;
        foreach (double x in lst) {
            long c = (long)Math.Ceiling(x);
            squared += c * c;
        }
        return squared;
    }
}
