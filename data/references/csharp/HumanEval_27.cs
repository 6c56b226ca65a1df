using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string FlipCase(string @string) {
        char[] chars = new char[@string.Length];
        for (int i = 0; i < @string.Length; i++) {
            char c = @string[i];
            if (char.IsUpper(c)) {
                chars[i] = char.ToLowerInvariant(c);
            } else if (char.IsLower(c)) {
                chars[i] = char.ToUpperInvariant(c);
            } else {
                chars[i] = c;
            }
        }
        return new string(chars);
    }
}
