#include <string>
#include <vector>

std::vector<std::string> bf(std::string planet1, std::string planet2) {
    std::vector<std::string> planet_names{"Mercury", "Venus", "Earth", "Mars",
                                          "Jupiter", "Saturn", "Uranus", "Neptune"};
    int index1 = -1;
    int index2 = -1;
    for (int i = 0; i < (int)planet_names.size(); i++) {
        if (planet_names[i] == planet1) {
            index1 = i;
        }
        if (planet_names[i] == planet2) {
            index2 = i;
        }
    }
    if (index1 < 0 || index2 < 0 || index1 == index2) {
        return std::vector<std::string>();
    }
    if (index1 > index2) {
        int t = index1;
        index1 = index2;
        index2 = t;
    }
    return std::vector<std::string>(planet_names.begin() + index1 + 1, planet_names.begin() + index2);
}
