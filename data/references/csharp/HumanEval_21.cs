using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<double> RescaleToUnit(List<double> numbers) {
        double minNumber = numbers[0];
        double maxNumber = numbers[0];
        foreach (double x in numbers) {
            if (x < minNumber) {
                minNumber = x;
            }
            if (x > maxNumber) {
                maxNumber = x;
            }
        }
        List<double> result = new List<double>();
        foreach (double x in numbers) {
            result.Add((x - minNumber) / (maxNumber - minNumber));
        }
        return result;
    }
}
