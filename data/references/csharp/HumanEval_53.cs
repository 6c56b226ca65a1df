using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long Add(long x, long y) {
        return x + y;
    }
}
