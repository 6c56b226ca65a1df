using System;
using System.Text;

class Program
{
    static void FloorDivMod(long a, long b, out long q, out long r)
    {
        q = a / b;
        r = a % b;
        if (r != 0 && (r < 0) != (b < 0))
        {
            q -= 1;
            r += b;
        }
    }

    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int t = int.Parse(tok[0]);
        var sb = new StringBuilder();
        for (int i = 0; i < t; i++)
        {
            long a = long.Parse(tok[1 + 2 * i]);
            long b = long.Parse(tok[2 + 2 * i]);
            if (b == 0)
            {
                sb.Append("undefined\n");
                continue;
            }
            long q, r;
            FloorDivMod(a, b, out q, out r);
            sb.Append(q).Append(' ').Append(r).Append('\n');
        }
        Console.Write(sb.ToString());
    }
}
