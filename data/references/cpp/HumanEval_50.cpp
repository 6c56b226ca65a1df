#include <cstddef>
#include <string>

std::string decode_shift(std::string s) {
    std::string result;
    for (std::size_t i = 0; i < s.size(); i++) {
        long long offset = ((long long)s[i] - 5 - 'a') % 26;
        if (offset < 0) {
            offset += 26;
        }
        result.push_back((char)(offset + 'a'));
    }
    return result;
}
