using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long FizzBuzz(long n) {
        long ans = 0;
        for (long i = 0; i < n; i++) {
            if (i % 11 == 0 || i % 13 == 0) {
                foreach (char c in i.ToString()) {
                    if (c == '7') {
                        ans += 1;
                    }
                }
            }
        }
        return ans;
    }
}
