using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string AntiShuffle(string s) {
        var words = s.Split(' ').Select(word => {
            char[] chars = word.ToCharArray();
            Array.Sort(chars);
            return new string(chars);
        });
        return string.Join(" ", words);
    }
}
