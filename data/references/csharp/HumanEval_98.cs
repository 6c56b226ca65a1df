using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long CountUpper(string s) {
        long count = 0;
        for (int i = 0; i < s.Length; i += 2) {
            if ("AEIOU".IndexOf(s[i]) >= 0) {
                count++;
            }
        }
        return count;
    }
}
