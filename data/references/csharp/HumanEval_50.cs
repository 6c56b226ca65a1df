using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string DecodeShift(string s) {
        char[] chars = new char[s.Length];
        for (int i = 0; i < s.Length; i++) {
            int shifted = (s[i] - 5 - 'a') % 26;
            if (shifted < 0) {
                shifted += 26;
            }
            chars[i] = (char)(shifted + 'a');
        }
        return new string(chars);
    }
}
