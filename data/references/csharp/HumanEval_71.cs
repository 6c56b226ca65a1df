using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static double TriangleArea(long a, long b, long c) {
        if (a + b <= c || a + c <= b || b + c <= a) {
            return -1;
        }
        double s = (a + b + c) / 2.0;
        double area = Math.Pow(s * (s - a) * (s - b) * (s - c), 0.5);
        return Math.Round(area, 2);
    }
}
