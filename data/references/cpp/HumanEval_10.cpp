#include <cstddef>
#include <string>

static bool is_palindrome(const std::string& s) {
    std::size_t n = s.size();
    for (std::size_t i = 0; i < n; i++) {
        if (s[i] != s[n - 1 - i]) {
            return false;
        }
    }
    return true;
}

std::string make_palindrome(std::string string) {
    if (string.empty()) {
        return "";
    }
    std::size_t beginning_of_suffix = 0;
    while (!is_palindrome(string.substr(beginning_of_suffix))) {
        beginning_of_suffix += 1;
    }
    std::string result = string;
    for (std::size_t i = beginning_of_suffix; i > 0; i--) {
        result.push_back(string[i - 1]);
    }
    return result;
}
