using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long Strlen(string @string) {
        return @string.Length;
    }
}
