using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string SortNumbers(string numbers) {
        Dictionary<string, int> valueMap = new Dictionary<string, int>();
        valueMap["zero"] = 0;
        valueMap["one"] = 1;
        valueMap["two"] = 2;
        valueMap["three"] = 3;
        valueMap["four"] = 4;
        valueMap["five"] = 5;
        valueMap["six"] = 6;
        valueMap["seven"] = 7;
        valueMap["eight"] = 8;
        valueMap["nine"] = 9;
        List<string> words = new List<string>();
        foreach (string x in numbers.Split(' ')) {
            if (x.Length > 0) {
                words.Add(x);
            }
        }
        // insertion sort: stable, like Python's sorted
        for (int i = 1; i < words.Count; i++) {
            string current = words[i];
            int key = valueMap[current];
            int j = i - 1;
            while (j >= 0 && valueMap[words[j]] > key) {
                words[j + 1] = words[j];
                j -= 1;
            }
            words[j + 1] = current;
        }
        return string.Join(" ", words);
    }
}
