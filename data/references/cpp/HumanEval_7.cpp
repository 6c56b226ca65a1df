#include <cstddef>
#include <string>
#include <vector>

std::vector<std::string> filter_by_substring(std::vector<std::string> strings, std::string substring) {
    std::vector<std::string> result;
    for (std::size_t i = 0; i < strings.size(); i++) {
        if (strings[i].find(substring) != std::string::npos) {
            result.push_back(strings[i]);
        }
    }
    return result;
}
