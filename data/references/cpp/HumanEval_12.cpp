#include <cstddef>
#include <optional>
#include <string>
#include <vector>

std::optional<std::string> longest(std::vector<std::string> strings) {
    if (strings.empty()) {
        return std::nullopt;
    }
    std::size_t maxlen = 0;
    for (std::size_t i = 0; i < strings.size(); i++) {
        if (strings[i].size() > maxlen) {
            maxlen = strings[i].size();
        }
    }
    for (std::size_t i = 0; i < strings.size(); i++) {
        if (strings[i].size() == maxlen) {
            return strings[i];
        }
    }
    return std::nullopt;
}
