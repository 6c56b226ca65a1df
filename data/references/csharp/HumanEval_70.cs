using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> StrangeSortList(List<long> lst) {
        var sorted = lst.OrderBy(v => v).ToList();
        var result = new List<long>();
        int low = 0;
        int high = sorted.Count - 1;
        bool takeMin = true;
        while (low <= high) {
            if (takeMin) {
                result.Add(sorted[low]);
                low++;
            } else {
                result.Add(sorted[high]);
                high--;
            }
            takeMin = !takeMin;
        }
        return result;
    }
}
