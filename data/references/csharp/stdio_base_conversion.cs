using System;
using System.Text;

class Program
{
    const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static string ToBase(long x, int b)
    {
        if (x == 0) return "0";
        ulong v = x < 0 ? (ulong)(-x) : (ulong)x;
        var sb = new StringBuilder();
        while (v > 0)
        {
            sb.Insert(0, Digits[(int)(v % (ulong)b)]);
            v /= (ulong)b;
        }
        if (x < 0) sb.Insert(0, '-');
        return sb.ToString();
    }

    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int t = int.Parse(tok[0]);
        for (int i = 0; i < t; i++)
        {
            long x = long.Parse(tok[1 + 2 * i]);
            int b = int.Parse(tok[2 + 2 * i]);
            Console.WriteLine(ToBase(x, b));
        }
    }
}
