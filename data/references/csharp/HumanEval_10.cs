using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    private static string Reverse(string s) {
        char[] chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static bool IsPalindrome(string s) {
        return s == Reverse(s);
    }

    public static string MakePalindrome(string @string) {
        if (@string.Length == 0) {
            return "";
        }
        int beginningOfSuffix = 0;
        while (!IsPalindrome(@string.Substring(beginningOfSuffix))) {
            beginningOfSuffix += 1;
        }
        return @string + Reverse(@string.Substring(0, beginningOfSuffix));
    }
}
