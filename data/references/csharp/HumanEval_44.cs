using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string ChangeBase(long x, long @base) {
        string ret = "";
        while (x > 0) {
            ret = (x % @base).ToString() + ret;
            x /= @base;
        }
        return ret;
    }
}
