using System;
using System.Collections.Generic;

class Program
{
    static void Main()
    {
        string word = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries)[0];
        var counts = new SortedDictionary<char, int>();
        foreach (char ch in word)
        {
            int c;
            counts.TryGetValue(ch, out c);
            counts[ch] = c + 1;
        }
        Console.WriteLine(counts.Count);
        foreach (var kv in counts)
            Console.WriteLine(kv.Key + " " + kv.Value);
    }
}
