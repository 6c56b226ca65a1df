using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string Solve(string s) {
        char[] chars = s.ToCharArray();
        bool hasLetter = false;
        for (int i = 0; i < chars.Length; i++) {
            if (char.IsLetter(chars[i])) {
                hasLetter = true;
                chars[i] = char.IsUpper(chars[i]) ? char.ToLowerInvariant(chars[i]) : char.ToUpperInvariant(chars[i]);
            }
        }
        if (!hasLetter) {
            Array.Reverse(chars);
        }
        return new string(chars);
    }
}
