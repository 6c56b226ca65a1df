#include <cstddef>
#include <string>

// the characters Python's \s matches among the ASCII ones
static bool bored_is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
}

long long is_bored(std::string S) {
    long long count = 0;
    std::size_t start = 0;
    std::size_t i = 0;
    while (true) {
        if (S.compare(start, 2, "I ") == 0) {
            count++;
        }
        while (i < S.size() && S[i] != '.' && S[i] != '?' && S[i] != '!') {
            i++;
        }
        if (i == S.size()) {
            break;
        }
        i++;
        while (i < S.size() && bored_is_space(S[i])) {
            i++;
        }
        start = i;
    }
    return count;
}
