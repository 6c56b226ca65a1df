using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool CheckIfLastCharIsALetter(string txt) {
        string[] parts = txt.Split(' ');
        string last = parts[parts.Length - 1];
        if (last.Length != 1) {
            return false;
        }
        char ch = char.ToLowerInvariant(last[0]);
        return ch >= 'a' && ch <= 'z';
    }
}
