#include <cstddef>
#include <string>

long long digit_sum(std::string s) {
    long long total = 0;
    for (std::size_t i = 0; i < s.size(); i++) {
        if (s[i] >= 'A' && s[i] <= 'Z') {
            total += s[i];
        }
    }
    return total;
}
