#include <cstddef>
#include <string>

bool correct_bracketing(std::string brackets) {
    long long depth = 0;
    for (std::size_t i = 0; i < brackets.size(); i++) {
        if (brackets[i] == '<') {
            depth++;
        } else {
            depth--;
        }
        if (depth < 0) {
            return false;
        }
    }
    return depth == 0;
}
