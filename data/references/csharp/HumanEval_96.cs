using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> CountUpTo(long n) {
        var primes = new List<long>();
        for (long i = 2; i < n; i++) {
            bool isPrime = true;
            for (long j = 2; j * j <= i; j++) {
                if (i % j == 0) {
                    isPrime = false;
                    break;
                }
            }
            if (isPrime) {
                primes.Add(i);
            }
        }
        return primes;
    }
}
