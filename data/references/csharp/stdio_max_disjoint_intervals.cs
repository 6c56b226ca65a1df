using System;
using System.Collections.Generic;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        var intervals = new List<Tuple<int, int>>(); // (end, start)
        for (int i = 0; i < n; i++)
        {
            int a = int.Parse(tok[1 + 2 * i]);
            int b = int.Parse(tok[2 + 2 * i]);
            intervals.Add(Tuple.Create(Math.Max(a, b), Math.Min(a, b)));
        }
        intervals.Sort();
        int count = 0;
        int lastEnd = 0;
        foreach (var iv in intervals)
        {
            if (count == 0 || iv.Item2 > lastEnd)
            {
                count++;
                lastEnd = iv.Item1;
            }
        }
        Console.WriteLine(count);
    }
}
