using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool TriplesSumToZero(List<long> l) {
        for (int i = 0; i < l.Count; i++) {
            for (int j = i + 1; j < l.Count; j++) {
                for (int k = j + 1; k < l.Count; k++) {
                    if (l[i] + l[j] + l[k] == 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
