using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> GetPositive(List<long> l) {
        List<long> result = new List<long>();
        foreach (long e in l) {
            if (e > 0) {
                result.Add(e);
            }
        }
        return result;
    }
}
