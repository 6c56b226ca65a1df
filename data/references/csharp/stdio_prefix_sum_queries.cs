using System;
using System.Text;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int pos = 0;
        int n = int.Parse(tok[pos++]);
        long[] prefix = new long[n + 1];
        for (int i = 0; i < n; i++)
            prefix[i + 1] = prefix[i] + long.Parse(tok[pos++]);
        int q = int.Parse(tok[pos++]);
        var sb = new StringBuilder();
        for (int k = 0; k < q; k++)
        {
            int l = int.Parse(tok[pos++]);
            int r = int.Parse(tok[pos++]);
            if (l > r)
            {
                int tmp = l; l = r; r = tmp;
            }
            sb.Append(prefix[r] - prefix[l - 1]).Append('\n');
        }
        Console.Write(sb.ToString());
    }
}
