using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    // Python's % floors, so a % 10 is always in 0..9 (e.g. -13 % 10 == 7).
    static long FloorMod10(long value) {
        return ((value % 10) + 10) % 10;
    }

    public static long Multiply(long a, long b) {
        return FloorMod10(a) * FloorMod10(b);
    }
}
