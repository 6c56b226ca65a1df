#include <cstddef>
#include <string>
#include <tuple>

std::tuple<std::string, bool> reverse_delete(std::string s, std::string c) {
    std::string kept;
    for (std::size_t i = 0; i < s.size(); i++) {
        if (c.find(s[i]) == std::string::npos) {
            kept.push_back(s[i]);
        }
    }
    std::string reversed(kept.rbegin(), kept.rend());
    return std::make_tuple(kept, reversed == kept);
}
