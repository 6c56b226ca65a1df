using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static (double, double) FindClosestElements(List<double> numbers) {
        bool found = false;
        double distance = 0.0;
        double smaller = 0.0;
        double larger = 0.0;
        for (int i = 0; i < numbers.Count; i++) {
            for (int j = 0; j < numbers.Count; j++) {
                if (i != j) {
                    double newDistance = Math.Abs(numbers[i] - numbers[j]);
                    if (!found || newDistance < distance) {
                        found = true;
                        distance = newDistance;
                        if (numbers[i] <= numbers[j]) {
                            smaller = numbers[i];
                            larger = numbers[j];
                        } else {
                            smaller = numbers[j];
                            larger = numbers[i];
                        }
                    }
                }
            }
        }
        return (smaller, larger);
    }
}
