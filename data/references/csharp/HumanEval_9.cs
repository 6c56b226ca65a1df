using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> RollingMax(List<long> numbers) {
        List<long> result = new List<long>();
        long? runningMax = null;
        foreach (long n in numbers) {
            if (runningMax == null) {
                runningMax = n;
            } else if (n > runningMax.Value) {
                runningMax = n;
            }
            result.Add(runningMax.Value);
        }
        return result;
    }
}
