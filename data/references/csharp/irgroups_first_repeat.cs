using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long? FirstRepeat(List<long> values) {
        for (int j = 0; j < values.Count; j++) {
            for (int i = 0; i < j; i++) {
                if (values[i] == values[j]) {
                    return values[j];
                }
            }
        }
        return null;
    }
}
