using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> Pluck(List<long> arr) {
        int bestIndex = -1;
        for (int i = 0; i < arr.Count; i++) {
            if (arr[i] % 2 == 0 && (bestIndex < 0 || arr[i] < arr[bestIndex])) {
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            return new List<long>();
        }
        return new List<long> { arr[bestIndex], bestIndex };
    }
}
