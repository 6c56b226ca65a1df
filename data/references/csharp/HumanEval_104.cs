using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> UniqueDigits(List<long> x) {
        return x.Where(v => v.ToString().All(c => (c - '0') % 2 == 1))
            .OrderBy(v => v)
            .ToList();
    }
}
