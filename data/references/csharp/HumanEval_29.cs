using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> FilterByPrefix(List<string> strings, string prefix) {
        List<string> result = new List<string>();
        foreach (string x in strings) {
            if (x.StartsWith(prefix, StringComparison.Ordinal)) {
                result.Add(x);
            }
        }
        return result;
    }
}
