using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long AdditivePersistence(long n) {
        long m = n;
        if (m < 0) {
            m = -m;
        }
        long steps = 0;
        while (m >= 10) {
            long total = 0;
            while (m > 0) {
                total += m % 10;
                m /= 10;
            }
            m = total;
            steps++;
        }
        return steps;
    }
}
