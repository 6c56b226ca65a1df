using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

class Problem {
    public static string IntToMiniRoman(long number) {
        long[] values = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
        string[] symbols = { "m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i" };
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < values.Length; i++) {
            while (number >= values[i]) {
                result.Append(symbols[i]);
                number -= values[i];
            }
        }
        return result.ToString();
    }
}
