using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static double MeanAbsoluteDeviation(List<double> numbers) {
        double sum = 0.0;
        foreach (double x in numbers) {
            sum += x;
        }
        double mean = sum / numbers.Count;
        double deviation = 0.0;
        foreach (double x in numbers) {
            deviation += Math.Abs(x - mean);
        }
        return deviation / numbers.Count;
    }
}
