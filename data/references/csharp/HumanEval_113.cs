using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> OddCount(List<string> lst) {
        List<string> result = new List<string>();
        foreach (string s in lst) {
            int n = 0;
            foreach (char d in s) {
                if ((d - '0') % 2 == 1) {
                    n++;
                }
            }
            result.Add("the number of odd elements " + n + "n the str" + n + "ng " + n + " of the " + n + "nput.");
        }
        return result;
    }
}
