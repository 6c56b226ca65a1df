using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static double Median(List<long> l) {
        List<long> sorted = new List<long>(l);
        sorted.Sort();
        int n = sorted.Count;
        if (n % 2 == 1) {
            return sorted[n / 2];
        } else {
            return (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        }
    }
}
