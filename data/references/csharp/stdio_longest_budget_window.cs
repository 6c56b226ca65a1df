using System;

class Program
{
    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        long budget = long.Parse(tok[1]);
        long[] nums = new long[n];
        for (int i = 0; i < n; i++) nums[i] = long.Parse(tok[2 + i]);
        int best = 0, left = 0;
        long window = 0;
        for (int right = 0; right < n; right++)
        {
            window += nums[right];
            while (window > budget)
            {
                window -= nums[left];
                left++;
            }
            best = Math.Max(best, right - left + 1);
        }
        Console.WriteLine(best);
    }
}
