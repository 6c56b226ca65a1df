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

static bool is_prime_length(std::size_t n) {
    if (n < 2) {
        return false;
    }
    for (std::size_t i = 2; i * i <= n; i++) {
        if (n % i == 0) {
            return false;
        }
    }
    return true;
}

std::string words_in_sentence(std::string sentence) {
    std::string result;
    std::vector<std::string> words = split_words(sentence);
    for (std::size_t i = 0; i < words.size(); i++) {
        if (is_prime_length(words[i].size())) {
            if (!result.empty()) {
                result += " ";
            }
            result += words[i];
        }
    }
    return result;
}
