#include <cstddef>
#include <string>

long long strlen(std::string string) {
    long long count = 0;
    for (std::size_t i = 0; i < string.size(); i++) {
        count += 1;
    }
    return count;
}
