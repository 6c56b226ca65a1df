#include <cstddef>
#include <vector>

std::vector<long long> get_positive(std::vector<long long> l) {
    std::vector<long long> result;
    for (std::size_t i = 0; i < l.size(); i++) {
        if (l[i] > 0) {
            result.push_back(l[i]);
        }
    }
    return result;
}
