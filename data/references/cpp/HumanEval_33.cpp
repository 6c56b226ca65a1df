#include <cstddef>
#include <algorithm>
#include <vector>

std::vector<long long> sort_third(std::vector<long long> l) {
    std::vector<long long> thirds;
    for (std::size_t i = 0; i < l.size(); i += 3) {
        thirds.push_back(l[i]);
    }
    std::sort(thirds.begin(), thirds.end());
    std::vector<long long> result = l;
    for (std::size_t j = 0; j < thirds.size(); j++) {
        result[j * 3] = thirds[j];
    }
    return result;
}
