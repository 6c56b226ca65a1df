using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> SeparateParenGroups(string paren_string) {
        List<string> result = new List<string>();
        string current = "";
        int depth = 0;
        foreach (char c in paren_string) {
            if (c == '(') {
                depth += 1;
                current += c;
            } else if (c == ')') {
                depth -= 1;
                current += c;
                if (depth == 0) {
                    result.Add(current);
                    current = "";
                }
            }
        }
        return result;
    }
}
