#include <string>

std::string string_sequence(long long n) {
    std::string result;
    for (long long x = 0; x < n + 1; x++) {
        if (x > 0) {
            result += " ";
        }
        result += std::to_string(x);
    }
    return result;
}
