#include <cstddef>
#include <string>

bool is_palindrome(std::string text) {
    std::size_t n = text.size();
    for (std::size_t i = 0; i < n; i++) {
        if (text[i] != text[n - 1 - i]) {
            return false;
        }
    }
    return true;
}
