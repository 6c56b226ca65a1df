#include <cstddef>
#include <string>

long long vowels_count(std::string s) {
    const std::string vowels = "aeiouAEIOU";
    long long count = 0;
    for (std::size_t i = 0; i < s.size(); i++) {
        if (vowels.find(s[i]) != std::string::npos) {
            count++;
        }
    }
    if (!s.empty() && (s.back() == 'y' || s.back() == 'Y')) {
        count++;
    }
    return count;
}
