#include <cstddef>
#include <string>

bool is_happy(std::string s) {
    if (s.size() < 3) {
        return false;
    }
    for (std::size_t i = 0; i + 2 < s.size(); i++) {
        if (s[i] == s[i + 1] || s[i + 1] == s[i + 2] || s[i] == s[i + 2]) {
            return false;
        }
    }
    return true;
}
