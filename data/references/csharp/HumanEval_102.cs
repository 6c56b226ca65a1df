using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long ChooseNum(long x, long y) {
        if (x > y) {
            return -1;
        }
        if (y % 2 == 0) {
            return y;
        }
        if (x == y) {
            return -1;
        }
        return y - 1;
    }
}
