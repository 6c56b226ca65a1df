using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static (long, long) SumProduct(List<long> numbers) {
        long sumValue = 0;
        long prodValue = 1;
        foreach (long n in numbers) {
            sumValue += n;
            prodValue *= n;
        }
        return (sumValue, prodValue);
    }
}
