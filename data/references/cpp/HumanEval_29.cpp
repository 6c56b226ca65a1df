#include <cstddef>
#include <string>
#include <vector>

std::vector<std::string> filter_by_prefix(std::vector<std::string> strings, std::string prefix) {
    std::vector<std::string> result;
    for (std::size_t i = 0; i < strings.size(); i++) {
        if (strings[i].compare(0, prefix.size(), prefix) == 0) {
            result.push_back(strings[i]);
        }
    }
    return result;
}
