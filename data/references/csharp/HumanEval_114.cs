using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long MinSubArraySum(List<long> nums) {
        long maxSum = 0;
        long s = 0;
        foreach (long num in nums) {
            s += -num;
            if (s < 0) {
                s = 0;
            }
            maxSum = Math.Max(s, maxSum);
        }
        if (maxSum == 0) {
            maxSum = nums.Max(x => -x);
        }
        return -maxSum;
    }
}
