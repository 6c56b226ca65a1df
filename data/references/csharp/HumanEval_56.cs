using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool CorrectBracketing(string brackets) {
        int depth = 0;
        foreach (char b in brackets) {
            if (b == '<') {
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
}
