using System;
using System.Text;

class Program
{
    // Number of elements of the sorted array `a` that are < x (strict) or <= x.
    static int CountBelow(int[] a, int x, bool inclusive)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (a[mid] < x || (inclusive && a[mid] == x)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        int[] nums = new int[n];
        for (int i = 0; i < n; i++) nums[i] = int.Parse(tok[1 + i]);
        Array.Sort(nums);
        int q = int.Parse(tok[1 + n]);
        var sb = new StringBuilder();
        for (int k = 0; k < q; k++)
        {
            int x = int.Parse(tok[2 + n + k]);
            int le = CountBelow(nums, x, true);
            int lt = CountBelow(nums, x, false);
            sb.Append(le).Append(' ').Append(le - lt).Append('\n');
        }
        Console.Write(sb.ToString());
    }
}
