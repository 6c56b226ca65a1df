using System;
using System.Globalization;
using System.Linq;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        long[] nums = tok.Skip(1).Take(n).Select(long.Parse).ToArray();
        Array.Sort(nums);
        Console.WriteLine(string.Join(" ", nums));
        if (n % 2 == 1)
        {
            Console.WriteLine(nums[n / 2]);
            return;
        }
        long s = nums[n / 2 - 1] + nums[n / 2];
        if (s % 2 == 0)
            Console.WriteLine(s / 2);
        else
            Console.WriteLine((s / 2.0).ToString("F1", CultureInfo.InvariantCulture));
    }
}
