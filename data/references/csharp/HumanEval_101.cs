using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> WordsString(string s) {
        return s.Replace(',', ' ')
            .Split((char[])null, StringSplitOptions.RemoveEmptyEntries)
            .ToList();
    }
}
