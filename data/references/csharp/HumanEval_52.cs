using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool BelowThreshold(List<long> l, long t) {
        foreach (long e in l) {
            if (e >= t) {
                return false;
            }
        }
        return true;
    }
}
