using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    private static long ParseParenGroup(string s) {
        long depth = 0;
        long maxDepth = 0;
        foreach (char c in s) {
            if (c == '(') {
                depth += 1;
                if (depth > maxDepth) {
                    maxDepth = depth;
                }
            } else {
                depth -= 1;
            }
        }
        return maxDepth;
    }

    public static List<long> ParseNestedParens(string paren_string) {
        List<long> result = new List<long>();
        foreach (string group in paren_string.Split(' ')) {
            if (group.Length > 0) {
                result.Add(ParseParenGroup(group));
            }
        }
        return result;
    }
}
