using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> AllPrefixes(string @string) {
        List<string> result = new List<string>();
        for (int i = 0; i < @string.Length; i++) {
            result.Add(@string.Substring(0, i + 1));
        }
        return result;
    }
}
