using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool SameChars(string s0, string s1) {
        var chars0 = new HashSet<char>(s0);
        var chars1 = new HashSet<char>(s1);
        return chars0.SetEquals(chars1);
    }
}
