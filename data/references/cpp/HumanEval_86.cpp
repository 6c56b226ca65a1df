#include <algorithm>
#include <cstddef>
#include <string>

std::string anti_shuffle(std::string s) {
    std::string result;
    std::string word;
    for (std::size_t i = 0; i < s.size(); i++) {
        if (s[i] == ' ') {
            std::sort(word.begin(), word.end());
            result += word;
            result += ' ';
            word.clear();
        } else {
            word.push_back(s[i]);
        }
    }
    std::sort(word.begin(), word.end());
    result += word;
    return result;
}
