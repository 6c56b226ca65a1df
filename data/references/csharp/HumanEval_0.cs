using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool HasCloseElements(List<double> numbers, double threshold) {
        for (int i = 0; i < numbers.Count; i++) {
            for (int j = 0; j < numbers.Count; j++) {
                if (i != j) {
                    double distance = Math.Abs(numbers[i] - numbers[j]);
                    if (distance < threshold) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
