#include <cstddef>
#include <algorithm>
#include <vector>

std::vector<long long> unique(std::vector<long long> l) {
    std::vector<long long> sorted_values = l;
    std::sort(sorted_values.begin(), sorted_values.end());
    std::vector<long long> result;
    for (std::size_t i = 0; i < sorted_values.size(); i++) {
        if (i == 0 || sorted_values[i] != sorted_values[i - 1]) {
            result.push_back(sorted_values[i]);
        }
    }
    return result;
}
