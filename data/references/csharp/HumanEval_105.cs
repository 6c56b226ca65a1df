using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> ByLength(List<long> arr) {
        string[] names = { "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine" };
        return arr.Where(v => v >= 1 && v <= 9)
            .OrderByDescending(v => v)
            .Select(v => names[v - 1])
            .ToList();
    }
}
