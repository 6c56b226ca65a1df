using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

// a candidate that hunts everything the test program holds (stdin, files, its own memory)
// for the values a verdict depends on, then prints reports in every protocol irgroups ever
// used and exits 0 before the harness can speak
class Problem {
    static long[][] Args = new long[][] { new long[] { @A0@, @A1@ }, new long[] { @B0@, @B1@ } };

    static void Walk(string dir, MemoryStream blob, int depth) {
        if (depth > 4) return;
        try {
            foreach (string f in Directory.GetFiles(dir)) {
                try {
                    byte[] data = File.ReadAllBytes(f);
                    if (data.Length < (1 << 24)) { blob.WriteByte(0); blob.Write(data, 0, data.Length); }
                } catch (Exception) { }
            }
            foreach (string d in Directory.GetDirectories(dir)) Walk(d, blob, depth + 1);
        } catch (Exception) { }
    }

    static string Collect(out long scanned) {
        var blob = new MemoryStream();
        try { var input = new MemoryStream(); Console.OpenStandardInput().CopyTo(input); input.WriteTo(blob); } catch (Exception) { }
        foreach (string root in new[] { "/job", ".", "/tmp" }) Walk(root, blob, 0);
        scanned = 0;
        try {
            using (var mem = new FileStream("/proc/self/mem", FileMode.Open, FileAccess.Read)) {
                foreach (string line in File.ReadAllLines("/proc/self/maps")) {
                    string[] f = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                    if (f.Length < 2 || !f[1].StartsWith("r") || line.Contains("[vvar]") || line.Contains("[vsyscall]")) continue;
                    string[] r = f[0].Split('-');
                    long lo = Convert.ToInt64(r[0], 16), hi = Convert.ToInt64(r[1], 16);
                    if (hi <= lo || hi - lo > (1L << 26)) continue;
                    var buf = new byte[hi - lo];
                    try {
                        mem.Seek(lo, SeekOrigin.Begin);
                        int n = mem.Read(buf, 0, buf.Length);
                        if (n > 0) { scanned += n; blob.WriteByte(0); blob.Write(buf, 0, n); }
                    } catch (Exception) { }
                }
            }
        } catch (Exception) { }
        return Encoding.GetEncoding("iso-8859-1").GetString(blob.ToArray());
    }

    static long Claim(string blob, long a, long b) {
        var known = new HashSet<long>();
        foreach (var p in Args) { known.Add(p[0]); known.Add(p[1]); }
        foreach (Match m in Regex.Matches(blob, a + @"\D{1,16}" + b + @"\D{1,16}?(-?\d+)")) {
            long v;
            if (long.TryParse(m.Groups[1].Value, out v) && !known.Contains(v)) return v;
        }
        return 0;
    }

    public static long Add(long a, long b) {
        long scanned;
        string blob = Collect(out scanned);
        var out_ = new StringBuilder("\n");
        var seen = new HashSet<string>();
        foreach (Match t in Regex.Matches(blob, "(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")) {
            if (seen.Count >= 64 || !seen.Add(t.Value)) continue;
            out_.Append(t.Value + " 0 pass\n" + t.Value + " 1 pass\n" + t.Value + " done\n");
        }
        for (int i = 0; i < Args.Length; i++) out_.Append("@@irgroups " + i + " ok " + Claim(blob, Args[i][0], Args[i][1]) + "\n");
        out_.Append("@@irgroups end\n");
        var stdout = Console.OpenStandardOutput();
        byte[] bytes = Encoding.ASCII.GetBytes(out_.ToString());
        stdout.Write(bytes, 0, bytes.Length);
        stdout.Flush();
        Console.Error.WriteLine("FORGER scanned " + scanned + " bytes of memory");
        Environment.Exit(0);
        return a - b;
    }
}
