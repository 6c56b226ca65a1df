#include <algorithm>
#include <functional>
#include <vector>

std::vector<long long> sort_array(std::vector<long long> array) {
    if (array.empty()) {
        return {};
    }
    if ((array.front() + array.back()) % 2 == 0) {
        std::sort(array.begin(), array.end(), std::greater<long long>());
    } else {
        std::sort(array.begin(), array.end());
    }
    return array;
}
