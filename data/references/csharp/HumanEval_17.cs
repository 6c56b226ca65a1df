using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> ParseMusic(string music_string) {
        Dictionary<string, long> noteMap = new Dictionary<string, long>();
        noteMap["o"] = 4;
        noteMap["o|"] = 2;
        noteMap[".|"] = 1;
        List<long> result = new List<long>();
        foreach (string x in music_string.Split(' ')) {
            if (x.Length > 0) {
                result.Add(noteMap[x]);
            }
        }
        return result;
    }
}
