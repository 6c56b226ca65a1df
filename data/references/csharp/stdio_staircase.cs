using System;

class Program
{
    static void Main()
    {
        int n = int.Parse(Console.In.ReadToEnd().Trim());
        for (int i = 1; i <= n; i++)
            Console.WriteLine(new string(' ', n - i) + new string('#', i));
    }
}
