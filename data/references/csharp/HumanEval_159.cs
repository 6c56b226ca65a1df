using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> Eat(long number, long need, long remaining) {
        if (need <= remaining) {
            return new List<long> { number + need, remaining - need };
        }
        return new List<long> { number + remaining, 0 };
    }
}
