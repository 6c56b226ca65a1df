#include <cstddef>
#include <string>

std::string flip_case(std::string string) {
    std::string result;
    for (std::size_t i = 0; i < string.size(); i++) {
        char c = string[i];
        if (c >= 'a' && c <= 'z') {
            result.push_back(c - 'a' + 'A');
        } else if (c >= 'A' && c <= 'Z') {
            result.push_back(c - 'A' + 'a');
        } else {
            result.push_back(c);
        }
    }
    return result;
}
