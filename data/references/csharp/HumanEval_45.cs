using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static double TriangleArea(long a, long h) {
        return a * h / 2.0;
    }
}
