#include <cstddef>
#include <string>

std::string remove_vowels(std::string text) {
    std::string result;
    for (std::size_t i = 0; i < text.size(); i++) {
        char c = text[i];
        char lower = c;
        if (c >= 'A' && c <= 'Z') {
            lower = c - 'A' + 'a';
        }
        if (lower != 'a' && lower != 'e' && lower != 'i' && lower != 'o' && lower != 'u') {
            result.push_back(c);
        }
    }
    return result;
}
