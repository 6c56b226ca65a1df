using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> TotalMatch(List<string> lst1, List<string> lst2) {
        long total1 = lst1.Sum(s => (long)s.Length);
        long total2 = lst2.Sum(s => (long)s.Length);
        return total1 <= total2 ? lst1 : lst2;
    }
}
