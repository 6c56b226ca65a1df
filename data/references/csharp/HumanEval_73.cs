using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long SmallestChange(List<long> arr) {
        long changes = 0;
        int n = arr.Count;
        for (int i = 0; i < n / 2; i++) {
            if (arr[i] != arr[n - i - 1]) {
                changes++;
            }
        }
        return changes;
    }
}
