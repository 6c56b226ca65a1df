#include <cstddef>
#include <vector>

std::vector<long long> incr_list(std::vector<long long> l) {
    std::vector<long long> result;
    for (std::size_t i = 0; i < l.size(); i++) {
        result.push_back(l[i] + 1);
    }
    return result;
}
