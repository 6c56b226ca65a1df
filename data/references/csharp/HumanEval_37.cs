using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> SortEven(List<long> l) {
        List<long> evens = new List<long>();
        List<long> odds = new List<long>();
        for (int i = 0; i < l.Count; i++) {
            if (i % 2 == 0) {
                evens.Add(l[i]);
            } else {
                odds.Add(l[i]);
            }
        }
        evens.Sort();
        List<long> ans = new List<long>();
        for (int i = 0; i < odds.Count && i < evens.Count; i++) {
            ans.Add(evens[i]);
            ans.Add(odds[i]);
        }
        if (evens.Count > odds.Count) {
            ans.Add(evens[evens.Count - 1]);
        }
        return ans;
    }
}
