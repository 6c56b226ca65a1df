using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string StringSequence(long n) {
        List<string> parts = new List<string>();
        for (long x = 0; x < n + 1; x++) {
            parts.Add(x.ToString());
        }
        return string.Join(" ", parts);
    }
}
