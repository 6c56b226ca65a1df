using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool IsNested(string @string) {
        List<int> opening = new List<int>();
        List<int> closing = new List<int>();
        for (int i = 0; i < @string.Length; i++) {
            if (@string[i] == '[') {
                opening.Add(i);
            } else {
                closing.Add(i);
            }
        }
        closing.Reverse();
        int count = 0;
        int j = 0;
        foreach (int idx in opening) {
            if (j < closing.Count && idx < closing[j]) {
                count++;
                j++;
            }
        }
        return count >= 2;
    }
}
