using System;

class Program
{
    const long Mod = 1000000007;

    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        int amount = int.Parse(tok[1]);
        long[] ways = new long[amount + 1];
        ways[0] = 1;
        for (int i = 0; i < n; i++)
        {
            int c = int.Parse(tok[2 + i]);
            for (int v = c; v <= amount; v++)
                ways[v] = (ways[v] + ways[v - c]) % Mod;
        }
        Console.WriteLine(ways[amount]);
    }
}
