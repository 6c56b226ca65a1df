using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static long ClosestInteger(string value) {
        if (value.Count(c => c == '.') == 1) {
            value = value.TrimEnd('0');
        }
        double num = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        if (value.EndsWith(".5", StringComparison.Ordinal)) {
            return num > 0 ? (long)Math.Ceiling(num) : (long)Math.Floor(num);
        }
        return (long)Math.Round(num);
    }
}
