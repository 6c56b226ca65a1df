using System;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int t = int.Parse(tok[0]);
        for (int k = 1; k <= t; k++)
        {
            string w = tok[k];
            int n = w.Length;
            int changes = 0;
            for (int i = 0; i < n / 2; i++)
                if (w[i] != w[n - 1 - i])
                    changes++;
            Console.WriteLine(changes == 0 ? "YES" : changes.ToString());
        }
    }
}
