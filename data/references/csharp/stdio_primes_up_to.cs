using System;
using System.Collections.Generic;

class Program
{
    static void Main()
    {
        int n = int.Parse(Console.In.ReadToEnd().Trim());
        bool[] composite = new bool[n + 1];
        var primes = new List<int>();
        for (int i = 2; i <= n; i++)
        {
            if (composite[i]) continue;
            primes.Add(i);
            for (long j = (long)i * i; j <= n; j += i)
                composite[j] = true;
        }
        Console.WriteLine(primes.Count);
        Console.WriteLine(string.Join(" ", primes));
    }
}
