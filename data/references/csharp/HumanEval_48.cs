using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool IsPalindrome(string text) {
        for (int i = 0; i < text.Length; i++) {
            if (text[i] != text[text.Length - 1 - i]) {
                return false;
            }
        }
        return true;
    }
}
