using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    private static bool Check(string s) {
        int depth = 0;
        foreach (char ch in s) {
            if (ch == '(') {
                depth++;
            } else {
                depth--;
            }
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    public static string MatchParens(List<string> lst) {
        string s1 = lst[0] + lst[1];
        string s2 = lst[1] + lst[0];
        return Check(s1) || Check(s2) ? "Yes" : "No";
    }
}
