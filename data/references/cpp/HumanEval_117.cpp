#include <cstddef>
#include <string>
#include <vector>

static bool is_py_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
           (c >= '\x1c' && c <= '\x1f');
}

static std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> words;
    std::string current;
    for (std::size_t i = 0; i < s.size(); i++) {
        if (is_py_space(s[i])) {
            if (!current.empty()) {
                words.push_back(current);
                current.clear();
            }
        } else {
            current.push_back(s[i]);
        }
    }
    if (!current.empty()) {
        words.push_back(current);
    }
    return words;
}

std::vector<std::string> select_words(std::string s, long long n) {
    std::vector<std::string> result;
    std::vector<std::string> words = split_words(s);
    for (std::size_t w = 0; w < words.size(); w++) {
        const std::string& word = words[w];
        long long n_consonants = 0;
        for (std::size_t i = 0; i < word.size(); i++) {
            char c = word[i];
            if (c >= 'A' && c <= 'Z') {
                c = (char)(c - 'A' + 'a');
            }
            if (c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u') {
                n_consonants += 1;
            }
        }
        if (n_consonants == n) {
            result.push_back(word);
        }
    }
    return result;
}
