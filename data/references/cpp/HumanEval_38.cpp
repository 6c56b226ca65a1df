#include <cstddef>
#include <string>

static std::string encode_cyclic(const std::string& s) {
    std::string result;
    std::size_t n = s.size();
    for (std::size_t start = 0; start < n; start += 3) {
        if (start + 3 <= n) {
            result.push_back(s[start + 1]);
            result.push_back(s[start + 2]);
            result.push_back(s[start]);
        } else {
            result += s.substr(start);
        }
    }
    return result;
}

std::string decode_cyclic(std::string s) {
    return encode_cyclic(encode_cyclic(s));
}
