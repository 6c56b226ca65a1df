using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> FilterBySubstring(List<string> strings, string substring) {
        List<string> result = new List<string>();
        foreach (string x in strings) {
            if (x.Contains(substring)) {
                result.Add(x);
            }
        }
        return result;
    }
}
