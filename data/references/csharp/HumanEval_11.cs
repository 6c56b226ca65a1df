using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string StringXor(string a, string b) {
        string result = "";
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) {
                result += "0";
            } else {
                result += "1";
            }
        }
        return result;
    }
}
