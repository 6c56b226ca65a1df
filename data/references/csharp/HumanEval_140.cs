using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

class Problem {
    public static string FixSpaces(string text) {
        StringBuilder result = new StringBuilder();
        int spaces = 0;
        foreach (char ch in text) {
            if (ch == ' ') {
                spaces++;
                continue;
            }
            if (spaces > 2) {
                result.Append('-');
            } else if (spaces > 0) {
                result.Append('_', spaces);
            }
            result.Append(ch);
            spaces = 0;
        }
        // a trailing run becomes a single mark, even when it is two spaces long
        if (spaces > 2) {
            result.Append('-');
        } else if (spaces > 0) {
            result.Append('_');
        }
        return result.ToString();
    }
}
