using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    private static bool IsPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int i = 2; i * i <= n; i++) {
            if (n % i == 0) {
                return false;
            }
        }
        return true;
    }

    public static string WordsInSentence(string sentence) {
        string[] words = sentence.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        List<string> kept = new List<string>();
        foreach (string word in words) {
            if (IsPrime(word.Length)) {
                kept.Add(word);
            }
        }
        return string.Join(" ", kept);
    }
}
