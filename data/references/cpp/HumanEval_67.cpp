#include <cstddef>
#include <string>

static bool fruit_all_digits(const std::string& word) {
    if (word.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); i++) {
        if (word[i] < '0' || word[i] > '9') {
            return false;
        }
    }
    return true;
}

long long fruit_distribution(std::string s, long long n) {
    long long total = 0;
    std::size_t start = 0;
    while (true) {
        std::size_t end = s.find(' ', start);
        std::string word = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (fruit_all_digits(word)) {
            total += std::stoll(word);
        }
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return n - total;
}
