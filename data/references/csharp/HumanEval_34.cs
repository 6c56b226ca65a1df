using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> Unique(List<long> l) {
        List<long> result = new List<long>();
        foreach (long e in l) {
            if (!result.Contains(e)) {
                result.Add(e);
            }
        }
        result.Sort();
        return result;
    }
}
