#include <cstddef>
#include <vector>

bool below_threshold(std::vector<long long> l, long long t) {
    for (std::size_t i = 0; i < l.size(); i++) {
        if (l[i] >= t) {
            return false;
        }
    }
    return true;
}
