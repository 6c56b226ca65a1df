#include <cstddef>
#include <map>
#include <string>

std::map<std::string, long long> word_counts(std::string text) {
    std::map<std::string, long long> counts;
    std::string word;
    std::string padded = text + " ";
    for (std::size_t i = 0; i < padded.size(); i++) {
        char ch = padded[i];
        if (ch >= 'a' && ch <= 'z') {
            word += ch;
        } else if (ch >= 'A' && ch <= 'Z') {
            word += (char)(ch - 'A' + 'a');
        } else {
            if (!word.empty()) {
                counts[word] += 1;
            }
            word.clear();
        }
    }
    return counts;
}
