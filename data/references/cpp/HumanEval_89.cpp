#include <cstddef>
#include <string>

std::string encrypt(std::string s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); i++) {
        char c = s[i];
        if (c >= 'a' && c <= 'z') {
            out.push_back((char)('a' + (c - 'a' + 4) % 26));
        } else {
            out.push_back(c);
        }
    }
    return out;
}
