using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

class Problem {
    public static long AddElements(List<long> arr, long k) {
        // Python's arr[:k], where a negative k counts from the end
        long end = k < 0 ? arr.Count + k : k;
        end = Math.Max(0, Math.Min(end, arr.Count));
        long sum = 0;
        for (int i = 0; i < end; i++) {
            if (arr[i].ToString(CultureInfo.InvariantCulture).Length <= 2) {
                sum += arr[i];
            }
        }
        return sum;
    }
}
