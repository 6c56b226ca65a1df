using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool CycpatternCheck(string a, string b) {
        int l = b.Length;
        string pattern = b + b;
        for (int i = 0; i + l <= a.Length; i++) {
            string window = a.Substring(i, l);
            for (int j = 0; j <= l; j++) {
                if (window == pattern.Substring(j, l)) {
                    return true;
                }
            }
        }
        return false;
    }
}
