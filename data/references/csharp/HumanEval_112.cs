using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

class Problem {
    public static (string, bool) ReverseDelete(string s, string c) {
        StringBuilder sb = new StringBuilder();
        foreach (char ch in s) {
            if (c.IndexOf(ch) < 0) {
                sb.Append(ch);
            }
        }
        string result = sb.ToString();
        char[] reversed = result.ToCharArray();
        Array.Reverse(reversed);
        return (result, new string(reversed) == result);
    }
}
