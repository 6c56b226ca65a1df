using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool IsHappy(string s) {
        if (s.Length < 3) {
            return false;
        }
        for (int i = 0; i + 2 < s.Length; i++) {
            if (s[i] == s[i + 1] || s[i + 1] == s[i + 2] || s[i] == s[i + 2]) {
                return false;
            }
        }
        return true;
    }
}
