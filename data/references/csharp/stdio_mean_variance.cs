using System;
using System.Globalization;
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

    static void Main()
    {
        string[] tok = Console.In.ReadToEnd().Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
        int n = int.Parse(tok[0]);
        double[] xs = new double[n];
        double total = 0.0;
        for (int i = 0; i < n; i++)
        {
            xs[i] = double.Parse(tok[1 + i], CultureInfo.InvariantCulture);
            total += xs[i];
        }
        double mean = total / n;
        double sq = 0.0;
        foreach (double x in xs)
            sq += (x - mean) * (x - mean);
        double variance = sq / n;
        Console.WriteLine(Fixed(mean, 6));
        Console.WriteLine(Fixed(variance, 6));
        Console.WriteLine(Fixed(Math.Sqrt(variance), 6));
    }
}
