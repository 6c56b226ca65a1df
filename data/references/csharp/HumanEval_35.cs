using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long MaxElement(List<long> l) {
        long m = l[0];
        foreach (long e in l) {
            if (e > m) {
                m = e;
            }
        }
        return m;
    }
}
