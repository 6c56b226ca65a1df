using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string Encode(string message) {
        string vowels = "aeiouAEIOU";
        var result = new System.Text.StringBuilder();
        foreach (char c in message) {
            char swapped = c;
            if (char.IsUpper(c)) {
                swapped = char.ToLowerInvariant(c);
            } else if (char.IsLower(c)) {
                swapped = char.ToUpperInvariant(c);
            }
            if (vowels.IndexOf(swapped) >= 0) {
                swapped = (char)(swapped + 2);
            }
            result.Append(swapped);
        }
        return result.ToString();
    }
}
