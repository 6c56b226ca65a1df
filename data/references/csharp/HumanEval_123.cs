using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> GetOddCollatz(long n) {
        List<long> oddCollatz = new List<long>();
        if (n % 2 != 0) {
            oddCollatz.Add(n);
        }
        while (n > 1) {
            if (n % 2 == 0) {
                n = n / 2;
            } else {
                n = n * 3 + 1;
            }
            if (n % 2 == 1) {
                oddCollatz.Add(n);
            }
        }
        oddCollatz.Sort();
        return oddCollatz;
    }
}
