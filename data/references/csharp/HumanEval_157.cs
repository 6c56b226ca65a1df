using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool RightAngleTriangle(long a, long b, long c) {
        return a * a == b * b + c * c || b * b == a * a + c * c || c * c == a * a + b * b;
    }
}
