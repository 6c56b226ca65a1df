using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long CanArrange(List<long> arr) {
        long index = -1;
        for (int i = 1; i < arr.Count; i++) {
            if (arr[i] < arr[i - 1]) {
                index = i;
            }
        }
        return index;
    }
}
