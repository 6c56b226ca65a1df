using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string Concatenate(List<string> strings) {
        string result = "";
        foreach (string s in strings) {
            result += s;
        }
        return result;
    }
}
