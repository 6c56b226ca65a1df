using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool WillItFly(List<long> q, long w) {
        if (q.Sum() > w) {
            return false;
        }
        int i = 0;
        int j = q.Count - 1;
        while (i < j) {
            if (q[i] != q[j]) {
                return false;
            }
            i++;
            j--;
        }
        return true;
    }
}
