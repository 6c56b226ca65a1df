using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool PairsSumToZero(List<long> l) {
        for (int i = 0; i < l.Count; i++) {
            for (int j = i + 1; j < l.Count; j++) {
                if (l[i] + l[j] == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
