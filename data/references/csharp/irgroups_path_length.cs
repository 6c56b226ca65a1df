using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static double PathLength(List<double> xs, List<double> ys) {
        double total = 0.0;
        for (int i = 1; i < xs.Count; i++) {
            double dx = xs[i] - xs[i - 1];
            double dy = ys[i] - ys[i - 1];
            total += Math.Sqrt(dx * dx + dy * dy);
        }
        return total;
    }
}
