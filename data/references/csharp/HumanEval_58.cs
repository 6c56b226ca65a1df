using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> Common(List<long> l1, List<long> l2) {
        var shared = new HashSet<long>(l1);
        shared.IntersectWith(l2);
        return shared.OrderBy(e => e).ToList();
    }
}
