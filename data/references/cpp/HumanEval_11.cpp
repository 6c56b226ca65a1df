#include <cstddef>
#include <string>

std::string string_xor(std::string a, std::string b) {
    std::string result;
    std::size_t n = a.size();
    if (b.size() < n) {
        n = b.size();
    }
    for (std::size_t i = 0; i < n; i++) {
        if (a[i] == b[i]) {
            result.push_back('0');
        } else {
            result.push_back('1');
        }
    }
    return result;
}
