using System;
using System.Collections.Generic;
using System.Linq;

class Problem {
    public static List<string> NumericalLetterGrade(List<double> grades) {
        var letters = new List<string>();
        foreach (double gpa in grades) {
            if (gpa == 4.0) {
                letters.Add("A+");
            } else if (gpa > 3.7) {
                letters.Add("A");
            } else if (gpa > 3.3) {
                letters.Add("A-");
            } else if (gpa > 3.0) {
                letters.Add("B+");
            } else if (gpa > 2.7) {
                letters.Add("B");
            } else if (gpa > 2.3) {
                letters.Add("B-");
            } else if (gpa > 2.0) {
                letters.Add("C+");
            } else if (gpa > 1.7) {
                letters.Add("C");
            } else if (gpa > 1.3) {
                letters.Add("C-");
            } else if (gpa > 1.0) {
                letters.Add("D+");
            } else if (gpa > 0.7) {
                letters.Add("D");
            } else if (gpa > 0.0) {
                letters.Add("D-");
            } else {
                letters.Add("E");
            }
        }
        return letters;
    }
}
