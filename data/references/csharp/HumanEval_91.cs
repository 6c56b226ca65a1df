using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long IsBored(string S) {
        string[] sentences = System.Text.RegularExpressions.Regex.Split(S, @"[.?!]\s*");
        return sentences.Count(sentence => sentence.StartsWith("I ", StringComparison.Ordinal));
    }
}
