using System;
using System.Numerics;

class Program
{
    // x rounded to `digits` decimals from its exact binary value (ties to even), like
    // C printf / Python format; Mono's ToString("F6") rounds to 15 significant digits first.
    static string Fixed(double x, int digits)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1;
        else mantissa |= 1L << 52;
        exponent -= 1075; // |x| = mantissa * 2^exponent
        BigInteger num = mantissa, den = BigInteger.One;
        if (exponent > 0) num <<= exponent;
        else den <<= -exponent;
        num *= BigInteger.Pow(10, digits);
        BigInteger rem;
        BigInteger q = BigInteger.DivRem(num, den, out rem);
        BigInteger twice = rem * 2;
        if (twice > den || (twice == den && !q.IsEven)) q += 1;
        string s = q.ToString().PadLeft(digits + 1, '0');
        if (digits > 0) s = s.Substring(0, s.Length - digits) + "." + s.Substring(s.Length - digits);
        return negative ? "-" + s : s;
    }

    static double Dist(long x1, long y1, long x2, long y2)
    {
        long dx = x2 - x1, dy = y2 - y1;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        long[] xs = new long[n], ys = new long[n];
        for (int i = 0; i < n; i++)
        {
            xs[i] = long.Parse(tok[1 + 2 * i]);
            ys[i] = long.Parse(tok[2 + 2 * i]);
        }
        double total = 0.0;
        for (int i = 1; i < n; i++)
            total += Dist(xs[i - 1], ys[i - 1], xs[i], ys[i]);
        Console.WriteLine(Fixed(total, 6));
        Console.WriteLine(Fixed(Dist(xs[0], ys[0], xs[n - 1], ys[n - 1]), 6));
    }
}
