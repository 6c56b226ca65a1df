#include <cstddef>
#include <string>

std::string solve(std::string s) {
    bool has_letter = false;
    std::string result = s;
    for (std::size_t i = 0; i < result.size(); i++) {
        char c = result[i];
        if (c >= 'a' && c <= 'z') {
            result[i] = (char)(c - 'a' + 'A');
            has_letter = true;
        } else if (c >= 'A' && c <= 'Z') {
            result[i] = (char)(c - 'A' + 'a');
            has_letter = true;
        }
    }
    if (!has_letter) {
        return std::string(result.rbegin(), result.rend());
    }
    return result;
}
