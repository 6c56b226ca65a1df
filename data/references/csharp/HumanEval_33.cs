using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> SortThird(List<long> l) {
        List<long> result = new List<long>(l);
        List<long> thirds = new List<long>();
        for (int i = 0; i < result.Count; i += 3) {
            thirds.Add(result[i]);
        }
        thirds.Sort();
        int k = 0;
        for (int i = 0; i < result.Count; i += 3) {
            result[i] = thirds[k];
            k += 1;
        }
        return result;
    }
}
