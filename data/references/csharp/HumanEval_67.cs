using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long FruitDistribution(string s, long n) {
        long fruits = 0;
        foreach (string word in s.Split(' ')) {
            if (word.Length > 0 && word.All(c => c >= '0' && c <= '9')) {
                fruits += long.Parse(word);
            }
        }
        return n - fruits;
    }
}
