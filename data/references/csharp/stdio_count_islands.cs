using System;
using System.Collections.Generic;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int r = int.Parse(tok[0]);
        int c = int.Parse(tok[1]);
        char[][] grid = new char[r][];
        for (int i = 0; i < r; i++)
            grid[i] = tok[2 + i].ToCharArray();
        int[] dy = { 1, -1, 0, 0 };
        int[] dx = { 0, 0, 1, -1 };
        int islands = 0;
        for (int i = 0; i < r; i++)
        {
            for (int j = 0; j < c; j++)
            {
                if (grid[i][j] != '#') continue;
                islands++;
                grid[i][j] = '.';
                var stack = new Stack<int[]>();
                stack.Push(new[] { i, j });
                while (stack.Count > 0)
                {
                    int[] cur = stack.Pop();
                    for (int d = 0; d < 4; d++)
                    {
                        int ny = cur[0] + dy[d], nx = cur[1] + dx[d];
                        if (ny >= 0 && ny < r && nx >= 0 && nx < c && grid[ny][nx] == '#')
                        {
                            grid[ny][nx] = '.';
                            stack.Push(new[] { ny, nx });
                        }
                    }
                }
            }
        }
        Console.WriteLine(islands);
    }
}
