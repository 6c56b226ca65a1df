using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static bool MoveOneBall(List<long> arr) {
        if (arr.Count == 0) {
            return true;
        }
        List<long> sortedArray = arr.OrderBy(x => x).ToList();
        int minIndex = arr.IndexOf(arr.Min());
        List<long> rotated = new List<long>();
        rotated.AddRange(arr.Skip(minIndex));
        rotated.AddRange(arr.Take(minIndex));
        for (int i = 0; i < arr.Count; i++) {
            if (rotated[i] != sortedArray[i]) {
                return false;
            }
        }
        return true;
    }
}
