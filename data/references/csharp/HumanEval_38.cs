using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    private static string EncodeCyclic(string s) {
        string result = "";
        for (int i = 0; i < (s.Length + 2) / 3; i++) {
            int start = 3 * i;
            int end = Math.Min(3 * i + 3, s.Length);
            string group = s.Substring(start, end - start);
            if (group.Length == 3) {
                group = group.Substring(1) + group[0];
            }
            result += group;
        }
        return result;
    }

    public static string DecodeCyclic(string s) {
        return EncodeCyclic(EncodeCyclic(s));
    }
}
