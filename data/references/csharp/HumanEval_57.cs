using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool Monotonic(List<long> l) {
        bool increasing = true;
        bool decreasing = true;
        for (int i = 1; i < l.Count; i++) {
            if (l[i] < l[i - 1]) {
                increasing = false;
            }
            if (l[i] > l[i - 1]) {
                decreasing = false;
            }
        }
        return increasing || decreasing;
    }
}
