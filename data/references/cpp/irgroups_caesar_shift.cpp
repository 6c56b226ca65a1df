#include <cstddef>
#include <string>

std::string caesar_shift(std::string text, long long shift) {
    long long k = shift % 26;
    if (k < 0) {
        k += 26;
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); i++) {
        char ch = text[i];
        if (ch >= 'a' && ch <= 'z') {
            out += (char)((ch - 'a' + k) % 26 + 'a');
        } else if (ch >= 'A' && ch <= 'Z') {
            out += (char)((ch - 'A' + k) % 26 + 'A');
        } else {
            out += ch;
        }
    }
    return out;
}
