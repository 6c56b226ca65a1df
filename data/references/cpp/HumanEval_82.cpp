#include <cstddef>
#include <string>

bool prime_length(std::string string) {
    std::size_t length = string.size();
    if (length < 2) {
        return false;
    }
    for (std::size_t i = 2; i < length; i++) {
        if (length % i == 0) {
            return false;
        }
    }
    return true;
}
