using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static string CaesarShift(string text, long shift) {
        int k = (int)(shift % 26);
        if (k < 0) {
            k += 26;
        }
        System.Text.StringBuilder outText = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++) {
            char ch = text[i];
            if (ch >= 'a' && ch <= 'z') {
                outText.Append((char)((ch - 'a' + k) % 26 + 'a'));
            } else if (ch >= 'A' && ch <= 'Z') {
                outText.Append((char)((ch - 'A' + k) % 26 + 'A'));
            } else {
                outText.Append(ch);
            }
        }
        return outText.ToString();
    }
}
