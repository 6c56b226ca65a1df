#include <cstddef>
#include <string>
#include <vector>

// the characters str.split() treats as whitespace among the ASCII ones
static bool words_is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
}

std::vector<std::string> words_string(std::string s) {
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i < s.size(); i++) {
        char c = s[i];
        if (c == ',' || words_is_space(c)) {
            if (!word.empty()) {
                words.push_back(word);
                word.clear();
            }
        } else {
            word.push_back(c);
        }
    }
    if (!word.empty()) {
        words.push_back(word);
    }
    return words;
}
