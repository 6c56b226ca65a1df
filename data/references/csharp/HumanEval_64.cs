using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long VowelsCount(string s) {
        string vowels = "aeiouAEIOU";
        long count = s.Count(c => vowels.IndexOf(c) >= 0);
        if (s.Length > 0) {
            char last = s[s.Length - 1];
            if (last == 'y' || last == 'Y') {
                count++;
            }
        }
        return count;
    }
}
