using System;
using System.Collections.Generic;

class Program
{
    static void Main()
    {
        string path = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries)[0];
        int x = 0, y = 0;
        var visited = new HashSet<Tuple<int, int>>();
        visited.Add(Tuple.Create(0, 0));
        int farthest = 0;
        foreach (char ch in path)
        {
            switch (ch)
            {
                case 'U': y++; break;
                case 'D': y--; break;
                case 'L': x--; break;
                case 'R': x++; break;
            }
            visited.Add(Tuple.Create(x, y));
            farthest = Math.Max(farthest, Math.Abs(x) + Math.Abs(y));
        }
        Console.WriteLine(x + " " + y);
        Console.WriteLine(visited.Count);
        Console.WriteLine(farthest);
    }
}
