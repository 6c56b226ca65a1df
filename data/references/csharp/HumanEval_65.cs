using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string CircularShift(long x, long shift) {
        string s = x.ToString();
        if (shift > s.Length) {
            char[] chars = s.ToCharArray();
            Array.Reverse(chars);
            return new string(chars);
        }
        if (shift <= 0) {
            return s;
        }
        int cut = s.Length - (int)shift;
        return s.Substring(cut) + s.Substring(0, cut);
    }
}
