#include <cstddef>
#include <string>

long long count_upper(std::string s) {
    const std::string vowels = "AEIOU";
    long long count = 0;
    for (std::size_t i = 0; i < s.size(); i += 2) {
        if (vowels.find(s[i]) != std::string::npos) {
            count++;
        }
    }
    return count;
}
