using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> Derivative(List<long> xs) {
        var result = new List<long>();
        for (int i = 1; i < xs.Count; i++) {
            result.Add(i * xs[i]);
        }
        return result;
    }
}
