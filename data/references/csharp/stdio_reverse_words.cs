using System;
using System.Text;

class Program
{
    static void Main()
    {
        string[] lines = Console.In.ReadToEnd().Split('\n');
        int t = int.Parse(lines[0].Trim());
        var sb = new StringBuilder();
        for (int i = 1; i <= t; i++)
        {
            string[] words = lines[i].Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
            Array.Reverse(words);
            sb.Append(string.Join(" ", words)).Append('\n');
        }
        Console.Write(sb.ToString());
    }
}
