using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long CountDistinctCharacters(string @string) {
        HashSet<char> seen = new HashSet<char>();
        foreach (char c in @string.ToLowerInvariant()) {
            seen.Add(c);
        }
        return seen.Count;
    }
}
