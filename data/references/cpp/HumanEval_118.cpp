#include <cstddef>
#include <string>

static bool is_vowel(char c) {
    return std::string("aeiouAEIOU").find(c) != std::string::npos;
}

std::string get_closest_vowel(std::string word) {
    if (word.size() < 3) {
        return "";
    }
    for (std::size_t i = word.size() - 2; i > 0; i--) {
        if (is_vowel(word[i]) && !is_vowel(word[i + 1]) && !is_vowel(word[i - 1])) {
            return std::string(1, word[i]);
        }
    }
    return "";
}
