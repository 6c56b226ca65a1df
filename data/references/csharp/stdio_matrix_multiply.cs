using System;
using System.Text;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int pos = 0;
        int n = int.Parse(tok[pos++]), m = int.Parse(tok[pos++]), p = int.Parse(tok[pos++]);
        long[,] a = new long[n, m];
        long[,] b = new long[m, p];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < m; k++)
                a[i, k] = long.Parse(tok[pos++]);
        for (int k = 0; k < m; k++)
            for (int j = 0; j < p; j++)
                b[k, j] = long.Parse(tok[pos++]);
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < p; j++)
            {
                long s = 0;
                for (int k = 0; k < m; k++)
                    s += a[i, k] * b[k, j];
                if (j > 0) sb.Append(' ');
                sb.Append(s);
            }
            sb.Append('\n');
        }
        Console.Write(sb.ToString());
    }
}
