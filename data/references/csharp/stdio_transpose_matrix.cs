using System;
using System.Text;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int r = int.Parse(tok[0]);
        int c = int.Parse(tok[1]);
        var sb = new StringBuilder();
        for (int j = 0; j < c; j++)
        {
            string[] col = new string[r];
            for (int i = 0; i < r; i++)
                col[i] = tok[2 + i * c + j];
            sb.Append(string.Join(" ", col)).Append('\n');
        }
        Console.Write(sb.ToString());
    }
}
