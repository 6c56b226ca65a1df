using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> Maximum(List<long> arr, long k) {
        if (k == 0) {
            return new List<long>();
        }
        List<long> sorted = new List<long>(arr);
        sorted.Sort();
        // Python's arr[-k:]: a start index that may be negative, then clamped to the list
        long start = -k;
        if (start < 0) {
            start += sorted.Count;
        }
        start = Math.Max(0, Math.Min(start, sorted.Count));
        return sorted.Skip((int)start).ToList();
    }
}
