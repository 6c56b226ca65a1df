#include <cstddef>
#include <vector>

std::vector<long long> pluck(std::vector<long long> arr) {
    bool found = false;
    long long best = 0;
    long long best_index = 0;
    for (std::size_t i = 0; i < arr.size(); i++) {
        if (arr[i] % 2 == 0 && (!found || arr[i] < best)) {
            found = true;
            best = arr[i];
            best_index = (long long)i;
        }
    }
    if (!found) {
        return {};
    }
    return {best, best_index};
}
