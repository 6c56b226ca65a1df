#include <string>
#include <vector>

std::vector<std::string> numerical_letter_grade(std::vector<double> grades) {
    std::vector<std::string> letters;
    for (double gpa : grades) {
        if (gpa == 4.0) {
            letters.push_back("A+");
        } else if (gpa > 3.7) {
            letters.push_back("A");
        } else if (gpa > 3.3) {
            letters.push_back("A-");
        } else if (gpa > 3.0) {
            letters.push_back("B+");
        } else if (gpa > 2.7) {
            letters.push_back("B");
        } else if (gpa > 2.3) {
            letters.push_back("B-");
        } else if (gpa > 2.0) {
            letters.push_back("C+");
        } else if (gpa > 1.7) {
            letters.push_back("C");
        } else if (gpa > 1.3) {
            letters.push_back("C-");
        } else if (gpa > 1.0) {
            letters.push_back("D+");
        } else if (gpa > 0.7) {
            letters.push_back("D");
        } else if (gpa > 0.0) {
            letters.push_back("D-");
        } else {
            letters.push_back("E");
        }
    }
    return letters;
}
