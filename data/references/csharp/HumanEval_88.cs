using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> SortArray(List<long> array) {
        if (array.Count == 0) {
            return new List<long>();
        }
        bool descending = (array[0] + array[array.Count - 1]) % 2 == 0;
        if (descending) {
            return array.OrderByDescending(v => v).ToList();
        }
        return array.OrderBy(v => v).ToList();
    }
}
