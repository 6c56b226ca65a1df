using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    // Python's bin() of a negative number is "-0b...", so the count is that of |x|
    private static int CountOnes(long x) {
        ulong v = (ulong)Math.Abs(x);
        int count = 0;
        while (v != 0) {
            count += (int)(v & 1);
            v >>= 1;
        }
        return count;
    }

    public static List<long> SortArray(List<long> arr) {
        return arr.OrderBy(x => CountOnes(x)).ThenBy(x => x).ToList();
    }
}
