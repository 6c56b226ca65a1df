#include <cstddef>
#include <string>
#include <vector>

static std::size_t total_match_chars(const std::vector<std::string>& words) {
    std::size_t total = 0;
    for (const std::string& word : words) {
        total += word.size();
    }
    return total;
}

std::vector<std::string> total_match(std::vector<std::string> lst1, std::vector<std::string> lst2) {
    if (total_match_chars(lst1) <= total_match_chars(lst2)) {
        return lst1;
    }
    return lst2;
}
