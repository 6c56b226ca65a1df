using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool PrimeLength(string @string) {
        int length = @string.Length;
        if (length < 2) {
            return false;
        }
        for (int i = 2; i * i <= length; i++) {
            if (length % i == 0) {
                return false;
            }
        }
        return true;
    }
}
