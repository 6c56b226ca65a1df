using System;

class Program
{
    const long Mod = 1000000007;

    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        long total = 0;
        long product = 1;
        for (int i = 1; i <= n; i++)
        {
            long x = long.Parse(tok[i]);
            total += x;
            long r = ((x % Mod) + Mod) % Mod;
            product = product * r % Mod;
        }
        Console.WriteLine(total);
        Console.WriteLine(product);
    }
}
