#include <cstddef>
#include <vector>

long long can_arrange(std::vector<long long> arr) {
    long long ind = -1;
    for (std::size_t i = 1; i < arr.size(); i++) {
        if (arr[i] < arr[i - 1]) {
            ind = (long long)i;
        }
    }
    return ind;
}
