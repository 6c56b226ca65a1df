using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> Bf(string planet1, string planet2) {
        List<string> planets = new List<string> { "Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune" };
        int index1 = planets.IndexOf(planet1);
        int index2 = planets.IndexOf(planet2);
        if (index1 < 0 || index2 < 0 || index1 == index2) {
            return new List<string>();
        }
        int low = Math.Min(index1, index2);
        int high = Math.Max(index1, index2);
        return planets.GetRange(low + 1, high - low - 1);
    }
}
