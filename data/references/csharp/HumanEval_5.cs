using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> Intersperse(List<long> numbers, long delimeter) {
        List<long> result = new List<long>();
        if (numbers.Count == 0) {
            return result;
        }
        for (int i = 0; i < numbers.Count - 1; i++) {
            result.Add(numbers[i]);
            result.Add(delimeter);
        }
        result.Add(numbers[numbers.Count - 1]);
        return result;
    }
}
