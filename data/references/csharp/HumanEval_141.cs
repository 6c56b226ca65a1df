using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string FileNameCheck(string file_name) {
        string[] suffixes = { "txt", "exe", "dll" };
        string[] parts = file_name.Split('.');
        if (parts.Length != 2) {
            return "No";
        }
        if (!suffixes.Contains(parts[1])) {
            return "No";
        }
        if (parts[0].Length == 0) {
            return "No";
        }
        if (!char.IsLetter(parts[0][0])) {
            return "No";
        }
        int digits = parts[0].Count(ch => char.IsDigit(ch));
        if (digits > 3) {
            return "No";
        }
        return "Yes";
    }
}
