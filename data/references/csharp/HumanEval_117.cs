using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> SelectWords(string s, long n) {
        List<string> result = new List<string>();
        string[] words = s.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        foreach (string word in words) {
            int consonants = 0;
            foreach (char ch in word) {
                if ("aeiou".IndexOf(char.ToLowerInvariant(ch)) < 0) {
                    consonants++;
                }
            }
            if (consonants == n) {
                result.Add(word);
            }
        }
        return result;
    }
}
