using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static double TruncateNumber(double number) {
        double rest = number % 1.0;
        if (rest < 0) {
            rest += 1.0;
        }
        return rest;
    }
}
