using System;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int pos = 0;
        int t = int.Parse(tok[pos++]);
        for (int tc = 0; tc < t; tc++)
        {
            int n = int.Parse(tok[pos++]);
            long best = long.Parse(tok[pos++]);
            long cur = best;
            for (int i = 1; i < n; i++)
            {
                long x = long.Parse(tok[pos++]);
                cur = Math.Max(x, cur + x);
                best = Math.Max(best, cur);
            }
            Console.WriteLine(best);
        }
    }
}
