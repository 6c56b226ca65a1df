#include <cstddef>
#include <string>
#include <vector>

std::vector<std::string> all_prefixes(std::string string) {
    std::vector<std::string> result;
    for (std::size_t i = 0; i < string.size(); i++) {
        result.push_back(string.substr(0, i + 1));
    }
    return result;
}
