using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<(long, long)> RunLength(List<long> nums) {
        List<(long, long)> result = new List<(long, long)>();
        int i = 0;
        while (i < nums.Count) {
            int j = i;
            while (j < nums.Count && nums[j] == nums[i]) {
                j++;
            }
            result.Add((nums[i], (long)(j - i)));
            i = j;
        }
        return result;
    }
}
