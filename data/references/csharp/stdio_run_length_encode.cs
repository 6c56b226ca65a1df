using System;
using System.Text;

class Program
{
    static string Encode(string s)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < s.Length)
        {
            int j = i;
            while (j < s.Length && s[j] == s[i])
                j++;
            sb.Append(s[i]);
            if (j - i > 1)
                sb.Append(j - i);
            i = j;
        }
        return sb.ToString();
    }

    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int t = int.Parse(tok[0]);
        for (int k = 1; k <= t; k++)
            Console.WriteLine(Encode(tok[k]));
    }
}
