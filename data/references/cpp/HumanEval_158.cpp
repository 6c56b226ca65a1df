#include <cstddef>
#include <set>
#include <string>
#include <vector>

std::string find_max(std::vector<std::string> words) {
    std::string best = words[0];
    std::size_t best_unique = std::set<char>(best.begin(), best.end()).size();
    for (std::size_t i = 1; i < words.size(); i++) {
        std::size_t unique = std::set<char>(words[i].begin(), words[i].end()).size();
        if (unique > best_unique || (unique == best_unique && words[i] < best)) {
            best = words[i];
            best_unique = unique;
        }
    }
    return best;
}
