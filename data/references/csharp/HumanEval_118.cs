using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string GetClosestVowel(string word) {
        if (word.Length < 3) {
            return "";
        }
        string vowels = "aeiouAEIOU";
        for (int i = word.Length - 2; i > 0; i--) {
            if (vowels.IndexOf(word[i]) >= 0) {
                if (vowels.IndexOf(word[i + 1]) < 0 && vowels.IndexOf(word[i - 1]) < 0) {
                    return word[i].ToString();
                }
            }
        }
        return "";
    }
}
