using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> RemoveDuplicates(List<long> numbers) {
        Dictionary<long, int> counts = new Dictionary<long, int>();
        foreach (long n in numbers) {
            if (counts.ContainsKey(n)) {
                counts[n] += 1;
            } else {
                counts[n] = 1;
            }
        }
        List<long> result = new List<long>();
        foreach (long n in numbers) {
            if (counts[n] <= 1) {
                result.Add(n);
            }
        }
        return result;
    }
}
