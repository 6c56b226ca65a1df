using System;
using System.Collections.Generic;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        var tails = new List<long>();
        for (int i = 1; i <= n; i++)
        {
            long x = long.Parse(tok[i]);
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (tails[mid] < x) lo = mid + 1;
                else hi = mid;
            }
            if (lo == tails.Count) tails.Add(x);
            else tails[lo] = x;
        }
        Console.WriteLine(tails.Count);
    }
}
