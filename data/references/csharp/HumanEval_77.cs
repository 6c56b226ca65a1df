using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool Iscube(long a) {
        a = Math.Abs(a);
        long root = (long)Math.Round(Math.Pow(a, 1.0 / 3));
        return root * root * root == a;
    }
}
