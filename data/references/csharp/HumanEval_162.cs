using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

class Problem {
    public static string StringToMd5(string text) {
        if (text.Length == 0) {
            return null;
        }
        using (MD5 md5 = MD5.Create()) {
            byte[] hash = md5.ComputeHash(Encoding.ASCII.GetBytes(text));
            StringBuilder hex = new StringBuilder();
            foreach (byte b in hash) {
                hex.Append(b.ToString("x2"));
            }
            return hex.ToString();
        }
    }
}
