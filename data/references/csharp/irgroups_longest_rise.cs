using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static (long, long) LongestRise(List<long> nums) {
        if (nums.Count == 0) {
            return (0, 0);
        }
        long bestStart = 0;
        long bestLen = 1;
        long start = 0;
        for (int i = 1; i < nums.Count; i++) {
            if (nums[i] <= nums[i - 1]) {
                start = i;
            }
            if (i - start + 1 > bestLen) {
                bestLen = i - start + 1;
                bestStart = start;
            }
        }
        return (bestStart, bestLen);
    }
}
