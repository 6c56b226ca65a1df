using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static (long?, long?) LargestSmallestIntegers(List<long> lst) {
        long? largestNegative = null;
        long? smallestPositive = null;
        foreach (long x in lst) {
            if (x < 0 && (largestNegative == null || x > largestNegative.Value)) {
                largestNegative = x;
            }
            if (x > 0 && (smallestPositive == null || x < smallestPositive.Value)) {
                smallestPositive = x;
            }
        }
        return (largestNegative, smallestPositive);
    }
}
