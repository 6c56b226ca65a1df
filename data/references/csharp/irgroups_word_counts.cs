using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static Dictionary<string, long> WordCounts(string text) {
        Dictionary<string, long> counts = new Dictionary<string, long>();
        string word = "";
        string padded = text + " ";
        for (int i = 0; i < padded.Length; i++) {
            char ch = padded[i];
            if (ch >= 'a' && ch <= 'z') {
                word += ch;
            } else if (ch >= 'A' && ch <= 'Z') {
                word += (char)(ch - 'A' + 'a');
            } else {
                if (word.Length > 0) {
                    if (counts.ContainsKey(word)) {
                        counts[word] = counts[word] + 1;
                    } else {
                        counts[word] = 1;
                    }
                }
                word = "";
            }
        }
        return counts;
    }
}
