using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string Longest(List<string> strings) {
        if (strings.Count == 0) {
            return null;
        }
        int maxLen = 0;
        foreach (string s in strings) {
            if (s.Length > maxLen) {
                maxLen = s.Length;
            }
        }
        foreach (string s in strings) {
            if (s.Length == maxLen) {
                return s;
            }
        }
        return null;
    }
}
