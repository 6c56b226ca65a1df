using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

class Problem {
    public static bool Simplify(string x, string n) {
        string[] first = x.Split('/');
        string[] second = n.Split('/');
        long numerator = long.Parse(first[0], CultureInfo.InvariantCulture) * long.Parse(second[0], CultureInfo.InvariantCulture);
        long denominator = long.Parse(first[1], CultureInfo.InvariantCulture) * long.Parse(second[1], CultureInfo.InvariantCulture);
        // the original compares a float quotient with its integer part
        double quotient = (double)numerator / denominator;
        return quotient == Math.Truncate(quotient);
    }
}
