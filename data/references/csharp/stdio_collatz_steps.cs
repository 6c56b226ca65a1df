using System;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int t = int.Parse(tok[0]);
        for (int i = 1; i <= t; i++)
        {
            long x = long.Parse(tok[i]);
            long peak = x;
            int steps = 0;
            while (x != 1)
            {
                x = x % 2 == 0 ? x / 2 : 3 * x + 1;
                peak = Math.Max(peak, x);
                steps++;
            }
            Console.WriteLine(steps + " " + peak);
        }
    }
}
