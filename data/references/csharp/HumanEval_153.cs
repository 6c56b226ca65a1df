using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    private static int Strength(string extension) {
        int upper = extension.Count(ch => char.IsLetter(ch) && char.IsUpper(ch));
        int lower = extension.Count(ch => char.IsLetter(ch) && char.IsLower(ch));
        return upper - lower;
    }

    public static string StrongestExtension(string class_name, List<string> extensions) {
        string strongest = extensions[0];
        int best = Strength(strongest);
        foreach (string s in extensions) {
            int value = Strength(s);
            if (value > best) {
                strongest = s;
                best = value;
            }
        }
        return class_name + "." + strongest;
    }
}
