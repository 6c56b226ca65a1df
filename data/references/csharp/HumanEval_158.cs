using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string FindMax(List<string> words) {
        string best = words[0];
        int bestUnique = best.Distinct().Count();
        foreach (string word in words) {
            int unique = word.Distinct().Count();
            if (unique > bestUnique || (unique == bestUnique && string.CompareOrdinal(word, best) < 0)) {
                best = word;
                bestUnique = unique;
            }
        }
        return best;
    }
}
