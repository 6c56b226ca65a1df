using System;
using System.Collections.Generic;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        var counts = new Dictionary<string, int>();
        for (int i = 1; i < tok.Length; i++)
        {
            int c;
            counts.TryGetValue(tok[i], out c);
            counts[tok[i]] = c + 1;
        }
        string best = null;
        foreach (var kv in counts)
        {
            if (best == null || kv.Value > counts[best] ||
                (kv.Value == counts[best] && string.CompareOrdinal(kv.Key, best) < 0))
                best = kv.Key;
        }
        Console.WriteLine(best + " " + counts[best]);
        Console.WriteLine(counts.Count);
    }
}
