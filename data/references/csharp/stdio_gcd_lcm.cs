using System;

class Program
{
    static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int t = int.Parse(tok[0]);
        for (int i = 0; i < t; i++)
        {
            long a = long.Parse(tok[1 + 2 * i]);
            long b = long.Parse(tok[2 + 2 * i]);
            long g = Gcd(a, b);
            Console.WriteLine(g + " " + (a / g * b));
        }
    }
}
