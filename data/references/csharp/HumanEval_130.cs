using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<double> Tri(long n) {
        if (n == 0) {
            return new List<double> { 1 };
        }
        List<double> tri = new List<double> { 1, 3 };
        for (long i = 2; i <= n; i++) {
            if (i % 2 == 0) {
                tri.Add(i / 2.0 + 1);
            } else {
                tri.Add(tri[(int)i - 1] + tri[(int)i - 2] + (i + 3) / 2.0);
            }
        }
        return tri;
    }
}
