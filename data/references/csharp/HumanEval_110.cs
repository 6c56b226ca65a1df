using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string Exchange(List<long> lst1, List<long> lst2) {
        int odd = 0;
        int even = 0;
        foreach (long x in lst1) {
            if (x % 2 != 0) {
                odd++;
            }
        }
        foreach (long x in lst2) {
            if (x % 2 == 0) {
                even++;
            }
        }
        return even >= odd ? "YES" : "NO";
    }
}
