using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> MakeAPile(long n) {
        var pile = new List<long>();
        for (long i = 0; i < n; i++) {
            pile.Add(n + 2 * i);
        }
        return pile;
    }
}
