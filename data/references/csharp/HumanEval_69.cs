using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long Search(List<long> lst) {
        var frequency = new Dictionary<long, long>();
        foreach (long v in lst) {
            long count;
            frequency.TryGetValue(v, out count);
            frequency[v] = count + 1;
        }
        long answer = -1;
        foreach (var entry in frequency) {
            if (entry.Key > 0 && entry.Value >= entry.Key && entry.Key > answer) {
                answer = entry.Key;
            }
        }
        return answer;
    }
}
