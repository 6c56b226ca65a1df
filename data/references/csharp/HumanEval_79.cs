using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string DecimalToBinary(long @decimal) {
        string bits = Convert.ToString(Math.Abs(@decimal), 2);
        if (@decimal < 0) {
            // Python's bin(-5) is "-0b101", so slicing off two characters leaves "b101".
            bits = "b" + bits;
        }
        return "db" + bits + "db";
    }
}
