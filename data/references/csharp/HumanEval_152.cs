using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<long> Compare(List<long> game, List<long> guess) {
        return game.Zip(guess, (x, y) => Math.Abs(x - y)).ToList();
    }
}
