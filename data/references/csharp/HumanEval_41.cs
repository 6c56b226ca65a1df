using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long CarRaceCollision(long n) {
        return n * n;
    }
}
