using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool BelowZero(List<long> operations) {
        long balance = 0;
        foreach (long op in operations) {
            balance += op;
            if (balance < 0) {
                return true;
            }
        }
        return false;
    }
}
