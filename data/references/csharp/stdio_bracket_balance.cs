using System;
using System.Collections.Generic;

class Program
{
    // Maximum nesting depth, or -1 when s is not balanced.
    static int Depth(string s)
    {
        var stack = new Stack<char>();
        int best = 0;
        foreach (char ch in s)
        {
            if (ch == '(' || ch == '[')
            {
                stack.Push(ch);
                best = Math.Max(best, stack.Count);
            }
            else
            {
                char open = ch == ')' ? '(' : '[';
                if (stack.Count == 0 || stack.Pop() != open) return -1;
            }
        }
        return stack.Count == 0 ? best : -1;
    }

    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int t = int.Parse(tok[0]);
        for (int k = 1; k <= t; k++)
        {
            int d = Depth(tok[k]);
            Console.WriteLine(d < 0 ? "NO" : "YES " + d);
        }
    }
}
