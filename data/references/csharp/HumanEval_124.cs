using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    // Accepts what Python's int() accepts for plain decimal text: surrounding
    // whitespace, an optional sign, then digits.
    private static bool TryParseInt(string text, out long value) {
        value = 0;
        string s = text.Trim();
        int start = 0;
        bool negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) {
            negative = s[0] == '-';
            start = 1;
        }
        if (start == s.Length) {
            return false;
        }
        for (int i = start; i < s.Length; i++) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
            if (value < 1000000000000000L) {
                value = value * 10 + (s[i] - '0');
            }
        }
        if (negative) {
            value = -value;
        }
        return true;
    }

    public static bool ValidDate(string date) {
        string[] parts = date.Trim().Split('-');
        if (parts.Length != 3) {
            return false;
        }
        long month, day, year;
        if (!TryParseInt(parts[0], out month) || !TryParseInt(parts[1], out day) || !TryParseInt(parts[2], out year)) {
            return false;
        }
        if (month < 1 || month > 12) {
            return false;
        }
        long[] longMonths = { 1, 3, 5, 7, 8, 10, 12 };
        long[] shortMonths = { 4, 6, 9, 11 };
        // The original's conditions parse as "(month in ... and day < 1) or day > N".
        if ((longMonths.Contains(month) && day < 1) || day > 31) {
            return false;
        }
        if ((shortMonths.Contains(month) && day < 1) || day > 30) {
            return false;
        }
        if ((month == 2 && day < 1) || day > 29) {
            return false;
        }
        return true;
    }
}
