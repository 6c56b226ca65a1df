using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long HowManyTimes(string @string, string substring) {
        long times = 0;
        for (int i = 0; i < @string.Length - substring.Length + 1; i++) {
            if (@string.Substring(i, substring.Length) == substring) {
                times += 1;
            }
        }
        return times;
    }
}
