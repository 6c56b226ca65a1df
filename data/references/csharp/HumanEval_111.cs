using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static Dictionary<string, long> Histogram(string test) {
        Dictionary<string, long> result = new Dictionary<string, long>();
        string[] words = test.Split(' ');
        Dictionary<string, long> counts = new Dictionary<string, long>();
        foreach (string w in words) {
            counts[w] = counts.ContainsKey(w) ? counts[w] + 1 : 1;
        }
        long best = 0;
        foreach (string w in words) {
            if (w != "" && counts[w] > best) {
                best = counts[w];
            }
        }
        if (best > 0) {
            // as in the original, an empty piece (from repeated spaces) can match the best count too
            foreach (string w in words) {
                if (counts[w] == best) {
                    result[w] = best;
                }
            }
        }
        return result;
    }
}
