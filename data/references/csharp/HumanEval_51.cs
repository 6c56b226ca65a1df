using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string RemoveVowels(string text) {
        string result = "";
        foreach (char s in text) {
            char c = char.ToLowerInvariant(s);
            if (c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u') {
                result += s;
            }
        }
        return result;
    }
}
