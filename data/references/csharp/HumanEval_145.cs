using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

class Problem {
    // Sum of the digits, where the first digit of a negative number counts as negative.
    private static long DigitsSum(long n) {
        string digits = Math.Abs(n).ToString(CultureInfo.InvariantCulture);
        long sum = 0;
        foreach (char ch in digits) {
            sum += ch - '0';
        }
        if (n < 0) {
            sum -= 2 * (digits[0] - '0');
        }
        return sum;
    }

    public static List<long> OrderByPoints(List<long> nums) {
        return nums.OrderBy(x => DigitsSum(x)).ToList();
    }
}
