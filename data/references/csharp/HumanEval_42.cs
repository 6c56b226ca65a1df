using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> IncrList(List<long> l) {
        List<long> result = new List<long>();
        foreach (long e in l) {
            result.Add(e + 1);
        }
        return result;
    }
}
