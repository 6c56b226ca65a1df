using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string Encrypt(string s) {
        var result = new System.Text.StringBuilder();
        foreach (char c in s) {
            if (c >= 'a' && c <= 'z') {
                result.Append((char)('a' + (c - 'a' + 4) % 26));
            } else {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
