using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long? ProdSigns(List<long> arr) {
        if (arr.Count == 0) {
            return null;
        }
        long sign = 1;
        long magnitude = 0;
        foreach (long x in arr) {
            if (x == 0) {
                sign = 0;
            } else if (x < 0) {
                sign = -sign;
            }
            magnitude += Math.Abs(x);
        }
        return sign * magnitude;
    }
}
